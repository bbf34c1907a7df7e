import {
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
  DeadLetterService,
  DeadLetterUnreadableError,
} from '@icb/messaging';
import { CurrentOperator, RequireRole } from '../auth/auth.decorators';
import type { Operator } from '../auth/operator';
import { withholdDeadLetter } from '../auth/withholding';
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
  constructor(private readonly deadLetters: DeadLetterService) {}

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
      items: items.map((e) => ({ ...e, record: withholdDeadLetter(reader, e.record) })),
    };
  }

  @RequireRole('action-officer')
  @ApiForbiddenResponse({ description: 'Action officers only.' })
  @Post(':seq/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the original message again on its subject and remove the entry',
  })
  @ApiParam(SEQ_PARAM)
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiNotFoundResponse({ description: 'No such entry' })
  @ApiUnprocessableEntityResponse({
    description: 'The entry is not a dead-letter record (`unreadable`): discard it instead',
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
      throw error;
    }
  }
}
