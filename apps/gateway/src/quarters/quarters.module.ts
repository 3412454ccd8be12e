import { Module } from '@nestjs/common';
import { QuartersController } from './quarters.controller';
import { QuartersService } from './quarters.service';

/** Quarters over HTTP: registration (the worker starts its workflow from actors' event), list, detail with live process. */
@Module({
  controllers: [QuartersController],
  providers: [QuartersService],
})
export class QuartersModule {}
