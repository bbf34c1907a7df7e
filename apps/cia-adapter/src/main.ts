import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { CiaAdapterModule } from './app.module';
import { CIA_ADAPTER_API } from './cia-adapter.api';

void runService(CiaAdapterModule.forRoot(), CIA_ADAPTER_API);
