import { Module } from '@nestjs/common';
import { IncidentsController } from './incidents.controller';

/** Technical incidents and their repair (issue 18). */
@Module({ controllers: [IncidentsController] })
export class IncidentsHttpModule {}
