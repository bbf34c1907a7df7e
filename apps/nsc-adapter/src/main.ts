import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { NscAdapterModule } from './app.module';
import { NSC_ADAPTER_API } from './nsc-adapter.api';

void runService(NscAdapterModule.forRoot(), NSC_ADAPTER_API);
