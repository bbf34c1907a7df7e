import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { REFERENCE_ID_PATTERN } from '@icb/contracts';
import {
  AcknowledgeBodyDto,
  ConditionRemovalAnswerBodyDto,
  ExtensionBodyDto,
  HoldBodyDto,
  PendingReviewListDto,
  PublishedEventDto,
  ReviewDetailDto,
  SignOffBodyDto,
} from './review.dto';
import { ActingOfficerOf, type ActingOfficer, RequireScopes } from '../auth/agency-caller';
import { ADAPTER_SCOPES as S } from '../auth/scopes';
import { RETRY_AFTER_HEADER_DOC } from '../http/retry-after';
import { IDEMPOTENCY_KEY_DOC, IdempotencyKey } from './idempotency-key';
import { InvalidReviewRequestError } from './reviews.errors';
import { AdapterErrorFilter } from './reviews.filter';
import { ReviewsService } from './reviews.service';
import { AnswersWithVerdict } from './verdict-endpoint';

const ID = new ParseUUIDPipe({ version: undefined });
const ID_PARAM = { name: 'consultationId', description: 'Consultation id (UUID).', format: 'uuid' };
const UNAVAILABLE =
  'The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after ' +
  '`Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is ' +
  '`COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`.';

/**
 * The agency's reviews: what awaits it, one in full, and its answers
 * (published on the bus, each answered with the coordinator's verdict).
 */
@ApiTags('reviews')
@ApiServiceUnavailableResponse({ description: UNAVAILABLE, headers: RETRY_AFTER_HEADER_DOC })
@UseFilters(AdapterErrorFilter)
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @RequireScopes(S.reviewsRead)
  @ApiOperation({ summary: 'Reviews awaiting this agency, its closest deadline first' })
  @ApiOkResponse({ type: PendingReviewListDto })
  pending(): Promise<PendingReviewListDto> {
    return this.reviews.pending();
  }

  @Get(':consultationId')
  @RequireScopes(S.reviewsRead)
  @ApiOperation({ summary: 'One consultation as this agency may see it (its own review only)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ReviewDetailDto })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  review(@Param('consultationId', ID) id: string): Promise<ReviewDetailDto> {
    return this.reviews.review(id);
  }

  @Post(':consultationId/sign-off')
  @RequireScopes(S.reviewsSignOff)
  @ApiOperation({
    summary: 'Sign off (signoff.submitted), on the current revision by default',
    description:
      'A 409 without `verdict` is the agency’s own rule (DoD: no concurrence while it holds its review). ' +
      'The signing officer is the one the access token names (`officer` claim), never the body: ' +
      '403 `OFFICER_REQUIRED` when it names none.',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @AnswersWithVerdict(PublishedEventDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  signOff(
    @Param('consultationId', ID) id: string,
    @Body() body: SignOffBodyDto,
    @ActingOfficerOf() officer: ActingOfficer,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    return this.reviews.signOff(id, body, officer, { idempotencyKey });
  }

  @Post(':consultationId/acknowledge')
  @RequireScopes(S.reviewsAcknowledge)
  @ApiOperation({ summary: 'Acknowledge receipt of the review request (review.acknowledged)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @AnswersWithVerdict(PublishedEventDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  acknowledge(
    @Param('consultationId', ID) id: string,
    @Body() body: AcknowledgeBodyDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    return this.reviews.acknowledge(id, body, { idempotencyKey });
  }

  @Post(':consultationId/hold')
  @RequireScopes(S.reviewsHold)
  @ApiOperation({ summary: 'Hold the review open (review.hold-placed)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @AnswersWithVerdict(PublishedEventDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  placeHold(
    @Param('consultationId', ID) id: string,
    @Body() body: HoldBodyDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    return this.reviews.placeHold(id, body, { idempotencyKey });
  }

  @Delete(':consultationId/hold')
  @RequireScopes(S.reviewsHold)
  @ApiOperation({ summary: 'Release the hold (review.hold-released)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @AnswersWithVerdict(PublishedEventDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  releaseHold(
    @Param('consultationId', ID) id: string,
    @Body() body: HoldBodyDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    return this.reviews.releaseHold(id, body, { idempotencyKey });
  }

  @Post(':consultationId/extension')
  @RequireScopes(S.reviewsExtension)
  @ApiOperation({ summary: 'Ask for more days (clock.extension-requested)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @AnswersWithVerdict(PublishedEventDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  requestExtension(
    @Param('consultationId', ID) id: string,
    @Body() body: ExtensionBodyDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    return this.reviews.requestExtension(id, body, { idempotencyKey });
  }

  @Post(':consultationId/conditions/:conditionId/removal-answer')
  @RequireScopes(S.reviewsConditions)
  @ApiOperation({
    summary:
      'Answer the action office’s request to drop a condition this agency imposed (condition.removal-answered)',
    description:
      '`agreed: true` drops the condition, `false` keeps it; the comment is recorded either way. ' +
      'The coordinator refuses an answer nobody asked for (`NO_REMOVAL_REQUESTED`).',
  })
  @ApiParam(ID_PARAM)
  @ApiParam({
    name: 'conditionId',
    description: 'The condition’s id, as the agency gave it.',
    schema: { type: 'string', pattern: REFERENCE_ID_PATTERN.source },
  })
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @AnswersWithVerdict(PublishedEventDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({
    description: 'No such consultation, or no such condition imposed by this agency.',
  })
  answerConditionRemoval(
    @Param('consultationId', ID) id: string,
    @Param('conditionId') conditionId: string,
    @Body() body: ConditionRemovalAnswerBodyDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    if (!REFERENCE_ID_PATTERN.test(conditionId)) {
      throw new InvalidReviewRequestError(['conditionId must be a condition id']);
    }
    return this.reviews.answerConditionRemoval(id, conditionId, body, { idempotencyKey });
  }
}
