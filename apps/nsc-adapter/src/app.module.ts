import { Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';

@Module({
  imports: [AgencyAdapterModule.forRoot({ agency: 'nsc', httpPort: 3003 })],
})
export class NscAdapterModule {}
