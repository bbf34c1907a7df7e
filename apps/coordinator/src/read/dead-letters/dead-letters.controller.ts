import {
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  DeadLetterNotFoundError,
  DeadLetterNotReplayableError,
  DeadLetterService,
  DeadLetterUnreadableError,
} from '@icb/messaging';
import { CurrentOperator, RequireRole } from '../../auth/auth.decorators';
import type { Operator } from '../../auth/operator';
import { withholdDeadLetter } from '../withholding/withholding';
import { ConsultationMarkings } from '../events/consultation-markings';
import { ApiErrorDto } from '@icb/runtime';
import { DeadLetterListDto, DeadLetterQueryDto, ReplayResultDto } from './dead-letters.dto';

const SEQ_PARAM = {
  name: 'seq',
  description: 'The entry’s sequence number in the dead-letter stream.',
  schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
} as const;

/** The bus's dead-letter stream: what a consumer could not process, and why. */
@ApiTags('dead letters')
@Controller('dead-letters')
export class DeadLettersController {
  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly markings: ConsultationMarkings,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Dead-lettered messages, oldest first, with the reason and the original message',
    description:
      'An entry that is not a dead-letter record (not JSON, or not shaped like one) is listed ' +
      'with `unreadable: true`, code `UNREADABLE_RECORD` and its raw body; the others are listed as usual.',
  })
  @ApiOkResponse({ type: DeadLetterListDto })
  async list(
    @Query() query: DeadLetterQueryDto,
    @CurrentOperator() reader: Operator,
  ): Promise<DeadLetterListDto> {
    const [total, items] = await Promise.all([
      this.deadLetters.count(),
      this.deadLetters.list({ limit: query.limit, consumer: query.consumer }),
    ]);
    return {
      total,
      items: items.map((e) => ({
        ...e,
        record: withholdDeadLetter(reader, e.record, this.markings.of),
      })),
    };
  }

  @RequireRole('action-officer')
  @ApiForbiddenResponse({ description: 'Action officers only.' })
  @Post(':seq/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the original message again on its subject and remove the entry',
    description:
      'What is published is the original as the events stream holds it: the entry must repeat that message ' +
      'byte for byte (and an agency’s message must carry that agency’s valid signature), or the replay is refused ' +
      'with 409 and the entry stays (ADR 15).',
  })
  @ApiParam(SEQ_PARAM)
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiNotFoundResponse({ description: 'No such entry' })
  @ApiUnprocessableEntityResponse({
    description: 'The entry is not a dead-letter record (`unreadable`): discard it instead',
  })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description:
      'Not the copy of a message the bus stored (`DEAD_LETTER_NOT_ORIGINAL`), its original is gone ' +
      '(`DEAD_LETTER_ORIGINAL_GONE`), or its publisher’s signature does not check out ' +
      '(`DEAD_LETTER_SIGNATURE_REFUSED`): nothing is published.',
  })
  replay(@Param('seq', ParseIntPipe) seq: number): Promise<ReplayResultDto> {
    return this.found(() => this.deadLetters.replay(seq));
  }

  @RequireRole('action-officer')
  @ApiForbiddenResponse({ description: 'Action officers only.' })
  @Delete(':seq')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an entry without replaying it' })
  @ApiParam(SEQ_PARAM)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such entry' })
  async discard(@Param('seq', ParseIntPipe) seq: number): Promise<void> {
    await this.found(() => this.deadLetters.discard(seq));
  }

  private async found<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError) throw new NotFoundException(error.message);
      if (error instanceof DeadLetterUnreadableError) {
        throw new UnprocessableEntityException(error.message);
      }
      if (error instanceof DeadLetterNotReplayableError) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          code: error.code,
          message: error.message,
        });
      }
      throw error;
    }
  }
}
