import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  AcknowledgeBodyDto,
  ExtensionBodyDto,
  HoldBodyDto,
  PendingReviewListDto,
  PublishedEventDto,
  ReviewDetailDto,
  SignOffBodyDto,
} from './review.dto';
import { RETRY_AFTER_HEADER_DOC } from '../http/retry-after';
import { IDEMPOTENCY_KEY_DOC, IdempotencyKey } from './idempotency-key';
import { AdapterErrorFilter } from './reviews.filter';
import { ReviewsService } from './reviews.service';

const ID = new ParseUUIDPipe({ version: undefined });
const ID_PARAM = { name: 'consultationId', description: 'Consultation id (UUID).', format: 'uuid' };
const UNAVAILABLE =
  'The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after ' +
  '`Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is ' +
  '`COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`.';

/** The agency's reviews: what awaits it, one in full, and its answers (published on the bus). */
@ApiTags('reviews')
@ApiServiceUnavailableResponse({ description: UNAVAILABLE, headers: RETRY_AFTER_HEADER_DOC })
@UseFilters(AdapterErrorFilter)
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({ summary: 'Reviews awaiting this agency, its closest deadline first' })
  @ApiOkResponse({ type: PendingReviewListDto })
  pending(): Promise<PendingReviewListDto> {
    return this.reviews.pending();
  }

  @Get(':consultationId')
  @ApiOperation({ summary: 'One consultation as this agency may see it (its own review only)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ReviewDetailDto })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  review(@Param('consultationId', ID) id: string): Promise<ReviewDetailDto> {
    return this.reviews.review(id);
  }

  @Post(':consultationId/sign-off')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Sign off (signoff.submitted), on the current revision by default' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({
    type: PublishedEventDto,
    description: 'Published on the bus: JetStream has stored the event.',
  })
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  @ApiConflictResponse({
    description: 'The agency’s own rule refuses it (DoD: a concurrence while it holds its review).',
  })
  signOff(
    @Param('consultationId', ID) id: string,
    @Body() body: SignOffBodyDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    return this.reviews.signOff(id, body, { idempotencyKey });
  }

  @Post(':consultationId/acknowledge')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Acknowledge receipt of the review request (review.acknowledged)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({ type: PublishedEventDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Hold the review open (review.hold-placed)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({ type: PublishedEventDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Release the hold (review.hold-released)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({ type: PublishedEventDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ask for more days (clock.extension-requested)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({ type: PublishedEventDto })
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or this agency does not clear it.' })
  requestExtension(
    @Param('consultationId', ID) id: string,
    @Body() body: ExtensionBodyDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PublishedEventDto> {
    return this.reviews.requestExtension(id, body, { idempotencyKey });
  }
}
