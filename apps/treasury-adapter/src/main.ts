import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { TreasuryAdapterModule } from './app.module';

void runService(TreasuryAdapterModule.forRoot(), {
  title: 'Treasury adapter',
  description: 'Treasury (OFAC): sanctions screening of every party, with the 50% ownership rule.',
});
