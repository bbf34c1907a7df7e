import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { StatePmAdapterModule } from './app.module';

void runService(StatePmAdapterModule.forRoot(), {
  title: 'State/PM adapter',
  description:
    'Bureau of Political-Military Affairs: opens consultations for every line of business and runs congressional notification.',
});
