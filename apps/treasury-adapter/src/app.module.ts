import { Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';

@Module({
  imports: [AgencyAdapterModule.forRoot({ agency: 'treasury', httpPort: 3005 })],
})
export class TreasuryAdapterModule {}
