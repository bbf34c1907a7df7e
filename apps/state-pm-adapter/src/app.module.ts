import { Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';

@Module({
  imports: [AgencyAdapterModule.forRoot({ agency: 'state-pm', httpPort: 3001 })],
})
export class StatePmAdapterModule {}
