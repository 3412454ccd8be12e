import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '../programmes/programmes.module';
import { Quarter } from './entities/quarter.entity';
import { QuartersController } from './quarters.controller';
import { QuartersService } from './quarters.service';

/** Quarters: registration and the projected process read model. */
@Module({
  imports: [TypeOrmModule.forFeature([Quarter]), ProgrammesModule],
  controllers: [QuartersController],
  providers: [QuartersService],
})
export class QuartersModule {}
