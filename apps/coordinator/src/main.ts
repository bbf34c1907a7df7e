import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { CoordinatorModule } from './app.module';
import { COORDINATOR_API } from './coordinator.api';

void runService(CoordinatorModule.forRoot(), COORDINATOR_API);
