import { Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';

@Module({
  imports: [AgencyAdapterModule.forRoot({ agency: 'cia', httpPort: 3004 })],
})
export class CiaAdapterModule {}
