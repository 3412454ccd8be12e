import './telemetry';
import 'reflect-metadata';
import { runService } from '@genq/service-kit';
import { AgreementsModule } from './app.module';
import { readAgreementsConfig } from './config';

runService('agreements', () => readAgreementsConfig(), (config) => AgreementsModule.forRoot(config));
