import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { CoordinatorModule } from './app.module';

void runService(CoordinatorModule.forRoot(), {
  title: 'Coordinator',
  description:
    'Tracks every interagency consultation: who must clear it, sign-offs, statutory clocks, escalations, decisions and congressional notification.',
});
