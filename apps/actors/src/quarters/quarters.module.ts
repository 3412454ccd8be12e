import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '../programmes/programmes.module';
import { Quarter } from './entities/quarter.entity';
import { QuarterImportController } from './quarter-import.controller';
import { QuarterImportService } from './quarter-import.service';
import { QuartersController } from './quarters.controller';
import { QuartersService } from './quarters.service';

/** Quarters: registration (one by one, or a whole file) and the projected process read model. */
@Module({
  imports: [TypeOrmModule.forFeature([Quarter]), ProgrammesModule],
  controllers: [QuartersController, QuarterImportController],
  providers: [QuartersService, QuarterImportService],
})
export class QuartersModule {}
