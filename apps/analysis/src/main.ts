import './telemetry';
import 'reflect-metadata';
import { runService } from '@genq/service-kit';
import { AnalysisModule } from './app.module';
import { readAnalysisConfig } from './config';

runService('analysis', () => readAnalysisConfig(), (config) => AnalysisModule.forRoot(config));
