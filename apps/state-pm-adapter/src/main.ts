import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { StatePmAdapterModule } from './app.module';
import { STATE_PM_ADAPTER_API } from './state-pm-adapter.api';

void runService(StatePmAdapterModule.forRoot(), STATE_PM_ADAPTER_API);
