import { Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';

@Module({
  imports: [AgencyAdapterModule.forRoot({ agency: 'dod', httpPort: 3002 })],
})
export class DodAdapterModule {}
