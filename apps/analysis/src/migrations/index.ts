import { EventOutbox1766000000000, OutboxTraceContext1766900000000 } from '@genq/service-kit';
import { Initial1764000000000 } from './1764000000000-initial';
import { QuarterAnalysis1764100000000 } from './1764100000000-quarter-analysis';

/** Every migration of the analysis database, oldest first. */
export const analysisMigrations = [Initial1764000000000, QuarterAnalysis1764100000000, EventOutbox1766000000000, OutboxTraceContext1766900000000];
