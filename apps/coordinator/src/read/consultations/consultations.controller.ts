import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CONSULTATION_KINDS, CONSULTATION_STATUSES, PRECEDENCES } from '@icb/contracts';
import { EventLogRepository } from '../../write/event-log/event-log.repository';
import { CurrentOperator } from '../../auth/auth.decorators';
import { mayRead } from '../../auth/clearance';
import type { Operator } from '../../auth/operator';
import {
  withheldDetail,
  withholdClock,
  withholdQueueItem,
  withholdSummary,
} from '../withholding/withholding';
import { Clock } from '../../time/clock';
import { OPEN_STATUSES } from '../../policy/consultation-lifecycle.policy';
import {
  AgencyParamDto,
  AgencyQueueDto,
  ApiErrorDto,
  ConsultationDetailDto,
  ConsultationPageDto,
  ConsultationStatsDto,
  consultationQuery,
  DEFAULT_PAGE_SIZE,
  fillCounts,
  ListConsultationsQueryDto,
  PageQueryDto,
  toQueueItem,
  toDetail,
  toSummary,
  toTimelineEntry,
  toUpcomingClock,
  WithheldConsultationDto,
} from './consultation.dto';
import { ConsultationRepository } from '../../write/consultations/consultation.repository';
import { timelineOf } from './consultation-timeline';
import { ConsultationView } from '../../write/consultations/consultation-view';
import { ConsultationQueries } from './consultation-queries';

const CLOSEST_CLOCKS = 10;
const BAD_PARAMETERS = {
  type: ApiErrorDto,
  description: 'Invalid parameters; `message` lists each problem.',
};

/** What operators read: lists, one consultation with its timeline, an agency's queue, figures. */
@ApiTags('consultations')
@Controller()
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly view: ConsultationView,
    private readonly queries: ConsultationQueries,
    private readonly eventLog: EventLogRepository,
    private readonly clock: Clock,
  ) {}

  @Get('consultations')
  @ApiOperation({ summary: 'Consultations matching filters, one page at a time' })
  @ApiOkResponse({ type: ConsultationPageDto })
  @ApiBadRequestResponse(BAD_PARAMETERS)
  list(
    @Query() query: ListConsultationsQueryDto,
    @CurrentOperator() reader: Operator,
  ): ConsultationPageDto {
    const now = this.now();
    const q = consultationQuery(query, now, reader.clearance);
    const { total, items } = this.queries.list(q);
    return {
      total,
      offset: q.offset ?? 0,
      limit: q.limit ?? DEFAULT_PAGE_SIZE,
      items: items.map((c) => withholdSummary(reader, toSummary(c, now))),
    };
  }

  @Get('consultations/:id')
  @ApiOperation({ summary: 'One consultation in full, with its timeline (the event log in order)' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Consultation id (UUID).' })
  @ApiExtraModels(ConsultationDetailDto, WithheldConsultationDto)
  @ApiOkResponse({
    description:
      'The consultation; when it is classified above your clearance, only what may be said of it (`withheld: true`).',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ConsultationDetailDto) },
        { $ref: getSchemaPath(WithheldConsultationDto) },
      ],
    },
  })
  @ApiBadRequestResponse(BAD_PARAMETERS)
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'No consultation with this id.' })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentOperator() reader: Operator,
  ): Promise<ConsultationDetailDto | WithheldConsultationDto> {
    // The version and the log at once; the read model knows how long the log is.
    const [stored, log] = await Promise.all([
      this.consultations.get(id),
      this.eventLog.entries(id, this.view.logSeqOf(id)),
    ]);
    if (!stored) throw new NotFoundException(`no consultation ${id}`);
    const entries = timelineOf(stored, log).map(toTimelineEntry);
    const c = stored.consultation;
    if (!mayRead(reader.clearance, c.classification)) {
      return withheldDetail(toSummary(c, this.now()), entries);
    }
    return toDetail(c, entries);
  }

  @Get('agencies/:agency/queue')
  @ApiOperation({
    summary: 'Consultations awaiting an agency’s answer, its closest deadline first',
  })
  @ApiOkResponse({ type: AgencyQueueDto })
  @ApiBadRequestResponse(BAD_PARAMETERS)
  queue(
    @Param() { agency }: AgencyParamDto,
    @Query() page: PageQueryDto,
    @CurrentOperator() reader: Operator,
  ): AgencyQueueDto {
    const now = this.now();
    const offset = page.offset ?? 0;
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const { total, items } = this.queries.queue(agency, { offset, limit });
    return {
      agency,
      total,
      offset,
      limit,
      items: items.map((c) => withholdQueueItem(reader, toQueueItem(c, agency, now))),
    };
  }

  @Get('stats')
  @ApiOperation({
    summary: 'Counts by status, kind and precedence; open, overdue, escalated; the closest clocks',
  })
  @ApiOkResponse({ type: ConsultationStatsDto })
  stats(@CurrentOperator() reader: Operator): ConsultationStatsDto {
    const now = this.now();
    const { byStatus, byKind, byPrecedence, open, overdue, escalated, closestClocks } =
      this.queries.stats(now, OPEN_STATUSES, CLOSEST_CLOCKS);
    return {
      asOf: now,
      byStatus: fillCounts(CONSULTATION_STATUSES, byStatus),
      byKind: fillCounts(CONSULTATION_KINDS, byKind),
      byPrecedence: fillCounts(PRECEDENCES, byPrecedence),
      open,
      overdue,
      escalated,
      closestClocks: closestClocks.map((c) => withholdClock(reader, toUpcomingClock(c))),
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
