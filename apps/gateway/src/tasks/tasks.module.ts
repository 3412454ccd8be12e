import { Module } from '@nestjs/common';
import { AgreementsGatewayService } from '../agreements/agreements.service';
import { TasksController } from './tasks.controller';
import { TasksGatewayService } from './tasks.service';

/** Issue 17: "Meine Aufgaben". */
@Module({
  controllers: [TasksController],
  providers: [TasksGatewayService, AgreementsGatewayService],
})
export class TasksHttpModule {}
