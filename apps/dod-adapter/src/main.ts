import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { DodAdapterModule } from './app.module';

void runService(DodAdapterModule, {
  title: 'DoD adapter',
  description:
    'Department of Defense (DSCA, DTSA): technical and releasability review, concurrence with security conditions.',
});
