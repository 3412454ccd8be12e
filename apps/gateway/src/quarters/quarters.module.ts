import { Module } from '@nestjs/common';
import { QuartersController } from './quarters.controller';
import { QuartersService } from './quarters.service';
import { WorkflowStarter } from './workflow-starter';

/** Quarters over HTTP: registration (with its workflow), list, detail with live process. */
@Module({
  controllers: [QuartersController],
  providers: [QuartersService, WorkflowStarter],
})
export class QuartersModule {}
