import { Controller, Get, Param, ParseUUIDPipe, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScopes } from '../auth/agency-caller';
import { ADAPTER_SCOPES } from '../auth/scopes';
import { RETRY_AFTER_HEADER_DOC } from '../http/retry-after';
import { VerdictDto } from './verdict.dto';
import { AdapterErrorFilter } from './reviews.filter';
import { AdapterVerdicts } from './verdicts.service';

/** The status URLs of this agency's answers: the coordinator's verdict on each (ADR 11). */
@ApiTags('verdicts')
@UseFilters(AdapterErrorFilter)
@Controller('messages')
export class VerdictsController {
  constructor(private readonly verdicts: AdapterVerdicts) {}

  @Get(':eventId/verdict')
  @RequireScopes(ADAPTER_SCOPES.verdictsRead)
  @ApiOperation({
    summary: 'The coordinator’s verdict on a message this agency published (a status URL)',
    description:
      '`accepted` (with the consultation’s new status, revision and version), `refused` (with the ' +
      'code and sentence), or `pending`: no verdict yet (the coordinator has not judged it, or no ' +
      'such message of this agency’s exists).',
  })
  @ApiParam({ name: 'eventId', format: 'uuid', description: 'The event id of the answer.' })
  @ApiOkResponse({ type: VerdictDto })
  @ApiBadRequestResponse({ description: 'Not a UUID.' })
  @ApiServiceUnavailableResponse({
    description: 'The coordinator cannot be reached: try again after `Retry-After` seconds.',
    headers: RETRY_AFTER_HEADER_DOC,
  })
  verdict(
    @Param('eventId', new ParseUUIDPipe({ version: undefined })) eventId: string,
  ): Promise<VerdictDto> {
    return this.verdicts.status(eventId);
  }
}
