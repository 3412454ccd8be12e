import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Quarter } from '../quarters/entities/quarter.entity';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Issue 17: the tasks of the signed-in person from the process read model. */
@Module({
  imports: [TypeOrmModule.forFeature([Quarter])],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
