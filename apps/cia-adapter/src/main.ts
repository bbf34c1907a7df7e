import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { CiaAdapterModule } from './app.module';

void runService(CiaAdapterModule.forRoot(), {
  title: 'CIA adapter',
  description:
    'Central Intelligence Agency: intelligence assessments with classification and dissemination controls.',
});
