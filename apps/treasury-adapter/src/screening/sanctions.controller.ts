import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ADAPTER_SCOPES, RequireScopes, RETRY_AFTER_HEADER_DOC } from '@icb/agency-adapter';
import {
  AdHocScreeningDto,
  ReloadResultDto,
  SanctionsListInfoDto,
  ScreenPartiesBodyDto,
} from './sanctions.dto';
import { SanctionsErrorFilter } from './sanctions.filter';
import { SanctionsListService } from './sanctions-list.service';
import { ScreeningService } from './screening.service';

/** Treasury's sanctions list and screening. */
@ApiTags('sanctions')
@UseFilters(SanctionsErrorFilter)
@Controller('sanctions')
export class SanctionsController {
  constructor(
    private readonly lists: SanctionsListService,
    private readonly screening: ScreeningService,
  ) {}

  @Get('list')
  @RequireScopes(ADAPTER_SCOPES.sanctionsRead)
  @ApiOperation({ summary: 'The sanctions list in use: name, version date, entry count' })
  @ApiOkResponse({ type: SanctionsListInfoDto })
  list(): SanctionsListInfoDto {
    return this.lists.info();
  }

  @Post('list/reload')
  @RequireScopes(ADAPTER_SCOPES.sanctionsReload)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Reload the list from SANCTIONS_LIST_DIR, announce it, re-screen the open matters',
    description:
      'Publishes `sanctions.list-loaded`, then re-screens the consultations awaiting Treasury; ' +
      'for each whose result or matches changed, publishes a new screening and, when the ' +
      'consultation is in review and Treasury’s review pending, a new sign-off. A list that ' +
      'cannot be used is refused (422) and the list in use stays.',
  })
  @ApiOkResponse({ type: ReloadResultDto })
  @ApiUnprocessableEntityResponse({ description: 'The list in the folder cannot be used.' })
  @ApiServiceUnavailableResponse({
    description: 'The coordinator cannot be reached.',
    headers: RETRY_AFTER_HEADER_DOC,
  })
  async reload(): Promise<ReloadResultDto> {
    await this.lists.reload();
    const report = await this.screening.rescreenOpenMatters();
    return { list: this.lists.info(), screened: report.screened, changed: report.changed };
  }

  @Post('screen')
  @RequireScopes(ADAPTER_SCOPES.sanctionsRead)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Screen a list of parties against the list in use (nothing is published)',
  })
  @ApiOkResponse({ type: AdHocScreeningDto })
  @ApiBadRequestResponse({ description: 'The parties are not valid.' })
  screen(@Body() body: ScreenPartiesBodyDto): AdHocScreeningDto {
    const { list, result, partiesScreened, matches, screenedAt } = this.screening.screenParties(
      body.parties,
    );
    return { list, result, partiesScreened, matches, screenedAt };
  }
}
