import { Controller, MessageEvent, Query, Sse } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { endWith, filter, ignoreElements, interval, map, merge, Observable, takeUntil } from 'rxjs';
import { CurrentOperator } from '../../auth/auth.decorators';
import type { Operator } from '../../auth/operator';
import { withholdEnvelope } from '../withholding/withholding';
import { ApiErrorDto } from '@icb/runtime';
import { BusEvent, ChangeFeed } from './change-feed';
import { ConsultationMarkings } from './consultation-markings';
import { EventsQueryDto } from './events.dto';

/** A comment line now and then keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

function matches(event: BusEvent, query: EventsQueryDto): boolean {
  if (query.type && !event.name.startsWith(query.type)) return false;
  if (query.consultationId) {
    const data = event.envelope.data as { consultationId?: unknown } | undefined;
    if (
      event.envelope.subject !== query.consultationId &&
      data?.consultationId !== query.consultationId
    ) {
      return false;
    }
  }
  return true;
}

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly markings: ConsultationMarkings,
  ) {}

  @Sse()
  @ApiOperation({
    summary: 'Live bus events as server-sent events',
    description:
      'Each event: `id:` the envelope id, `event:` the message name, `data:` the CloudEvents envelope as JSON. ' +
      'An envelope marked above your clearance, or about a consultation classified above it (whatever its own marking), ' +
      'comes without `data` and `jws` and with `withheld: true`. ' +
      `A comment line every ${HEARTBEAT_MS / 1000} s keeps the stream alive. Nothing is replayed.`,
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'A stream of events (text/event-stream).',
    schema: { type: 'string' },
  })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  stream(
    @Query() query: EventsQueryDto,
    @CurrentOperator() reader: Operator,
  ): Observable<MessageEvent> {
    const events = this.feed.events$.pipe(
      filter((e) => matches(e, query)),
      map(
        (e): MessageEvent => ({
          id: e.envelope.id,
          type: e.name,
          data: withholdEnvelope(reader, e.name, e.envelope, this.markings.of),
        }),
      ),
    );
    // The heartbeats stop with the feed (at shutdown), so the response ends.
    const feedClosed = this.feed.events$.pipe(ignoreElements(), endWith(true));
    const heartbeats = interval(HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ comment: 'heartbeat' })),
      takeUntil(feedClosed),
    );
    return merge(events, heartbeats);
  }
}
