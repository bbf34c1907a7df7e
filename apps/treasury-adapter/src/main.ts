import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { TreasuryAdapterModule } from './app.module';
import { TREASURY_ADAPTER_API } from './treasury-adapter.api';

void runService(TreasuryAdapterModule.forRoot(), TREASURY_ADAPTER_API);
