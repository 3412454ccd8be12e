import { Module } from '@nestjs/common';
import { DashboardController, SavedViewsController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** Issue 6: the operator dashboard and saved list views. */
@Module({
  controllers: [DashboardController, SavedViewsController],
  providers: [DashboardService],
})
export class DashboardHttpModule {}
