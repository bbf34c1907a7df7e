import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { DodAdapterModule } from './app.module';
import { DOD_ADAPTER_API } from './dod-adapter.api';

void runService(DodAdapterModule.forRoot(), DOD_ADAPTER_API);
