import './telemetry';
import 'reflect-metadata';
import { runService } from '@genq/service-kit';
import { ActorsModule } from './app.module';
import { readActorsConfig } from './config';

runService('actors', () => readActorsConfig(), (config) => ActorsModule.forRoot(config));
