import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOperator } from '../../auth/auth.decorators';
import type { Operator } from '../../auth/operator';
import { MessageVerdictDto } from './verdict.dto';
import { verdictAsReadBy } from '../../write/verdicts/verdict.policy';
import { VerdictsService } from '../../write/verdicts/verdicts.service';

/** The coordinator's verdicts on the messages it was sent (ADR 11). */
@ApiTags('verdicts')
@Controller('messages')
export class VerdictsController {
  constructor(private readonly verdicts: VerdictsService) {}

  @Get(':eventId/verdict')
  @ApiOperation({
    summary: 'The coordinator’s verdict on one message: accepted (with the new status) or refused',
    description:
      'Recorded when the coordinator judged the message, before it was acknowledged on the bus. ' +
      'An agency’s service account reads only the verdicts on its agency’s messages.',
  })
  @ApiParam({ name: 'eventId', format: 'uuid', description: 'The envelope id of the message.' })
  @ApiOkResponse({ type: MessageVerdictDto })
  @ApiBadRequestResponse({ description: 'Not a UUID.' })
  @ApiNotFoundResponse({
    description:
      'No verdict (yet): the coordinator has not judged such a message (it may still be on its way), or forgot it after 30 days.',
  })
  async verdict(
    @Param('eventId', new ParseUUIDPipe({ version: undefined })) eventId: string,
    @CurrentOperator() reader: Operator,
  ): Promise<MessageVerdictDto> {
    const stored = await this.verdicts.get(eventId);
    const verdict = stored && verdictAsReadBy(reader, stored);
    if (!verdict) throw new NotFoundException(`no verdict on message ${eventId} (yet)`);
    return verdict;
  }
}
