import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { onScrape, scrapedGauge } from '@genq/service-kit';
import { Quarter } from '../quarters/entities/quarter.entity';

const quartersByPhase = scrapedGauge('genq_quarters', 'Quarters by the phase their process is in (the read model the worker projects; "none" before the process started)', ['phase']);
const stalled = scrapedGauge('genq_quarters_stalled', 'Quarters whose process is stalled (waiting on something that will not come by itself)', []);
const overdue = scrapedGauge('genq_quarters_overdue', 'Quarters with a step past its due date', []);

/**
 * The domain gauges of the dashboard, for Prometheus: read from the actors read model when
 * scraped, with one grouped query on indexed columns (phase, stalled) and one count.
 */
@Injectable()
export class DomainMetrics implements OnModuleInit, OnModuleDestroy {
  private off: (() => void) | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    this.off = onScrape('genq_quarters', 'actors', async () => {
      const repo = this.db.getRepository(Quarter);
      const [rows, totals] = await Promise.all([
        repo.createQueryBuilder('q').select('q.phase', 'phase').addSelect('COUNT(*)', 'n').groupBy('q.phase').getRawMany<{ phase: string | null; n: string | number }>(),
        repo
          .createQueryBuilder('q')
          .select('SUM(CASE WHEN q.stalled = :yes THEN 1 ELSE 0 END)', 'stalled')
          .addSelect('SUM(CASE WHEN q.overdueSince IS NOT NULL THEN 1 ELSE 0 END)', 'overdue')
          .setParameter('yes', true)
          .getRawOne<{ stalled: string | number | null; overdue: string | number | null }>(),
      ]);
      quartersByPhase.reset();
      for (const r of rows) quartersByPhase.set({ phase: r.phase ?? 'none' }, Number(r.n));
      stalled.set(Number(totals?.stalled ?? 0));
      overdue.set(Number(totals?.overdue ?? 0));
    });
  }

  onModuleDestroy(): void {
    this.off?.();
  }
}
