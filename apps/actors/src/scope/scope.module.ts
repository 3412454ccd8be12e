import { Global, Module } from '@nestjs/common';
import { ScopeController } from './scope.controller';
import { ScopeService } from './scope.service';

/** Who sees what: one service that every module's reads and writes apply. Global, as every module needs it. */
@Global()
@Module({
  controllers: [ScopeController],
  providers: [ScopeService],
  exports: [ScopeService],
})
export class ScopeModule {}
