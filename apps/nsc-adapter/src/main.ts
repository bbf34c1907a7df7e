import 'reflect-metadata';
import { runService } from '@icb/runtime';
import { NscAdapterModule } from './app.module';

void runService(NscAdapterModule.forRoot(), {
  title: 'NSC adapter',
  description:
    'National Security Council: policy review; chairs the escalation ladder and records its decisions.',
});
