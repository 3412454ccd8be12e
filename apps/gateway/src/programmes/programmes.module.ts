import { Module } from '@nestjs/common';
import { ProgrammesController } from './programmes.controller';

/** Programmes and their calendars over HTTP (owned by the actors service). */
@Module({ controllers: [ProgrammesController] })
export class ProgrammesModule {}
