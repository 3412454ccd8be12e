import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Quarter } from '../quarters/entities/quarter.entity';
import { SavedView } from '../savedViews/entities/saved-view.entity';
import { DashboardController } from './dashboard.controller';
import { QuarterCount } from './quarter-count.entity';
import { DashboardService } from './dashboard.service';
import { SavedViewsController } from '../savedViews/saved-views.controller';
import { SavedViewsService } from '../savedViews/saved-views.service';

/** Issue 6: the dashboard's aggregates over the quarters read model, and saved list views. */
@Module({
  imports: [TypeOrmModule.forFeature([Quarter, QuarterCount, SavedView])],
  controllers: [DashboardController, SavedViewsController],
  providers: [DashboardService, SavedViewsService],
})
export class DashboardModule {}
