import { Module } from '@nestjs/common';
import { CoordinatorClient } from '@icb/agency-adapter';
import { SanctionsController } from './sanctions.controller';
import { SanctionsListService } from './sanctions-list.service';
import { ScreeningHandlers } from './screening.handlers';
import { ScreeningService } from './screening.service';

/**
 * Treasury's sanctions screening: the list (SANCTIONS_LIST_DIR), the answer to
 * every review request addressed to Treasury, and `/sanctions`. Needs the
 * configuration and the bus of AgencyAdapterModule (both global).
 */
@Module({
  controllers: [SanctionsController, ScreeningHandlers],
  providers: [CoordinatorClient, SanctionsListService, ScreeningService],
})
export class ScreeningModule {}
