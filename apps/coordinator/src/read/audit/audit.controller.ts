import {
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorDto } from '@icb/runtime';
import { CurrentOperator } from '../../auth/auth.decorators';
import { mayRead } from '../../auth/clearance';
import type { Operator } from '../../auth/operator';
import { AuditLogPageDto, AuditLogQueryDto, DEFAULT_LOG_PAGE } from './audit.dto';
import { AuditService } from './audit.service';
import type { VerifyResult } from '../../write/event-log/hash-chain';

const PROBLEMS = ['altered', 'removed', 'reordered', 'truncated'] as const;

/** The outcome of a verification: `ok`, or where the chain breaks first. */
export class AuditVerificationDto {
  @ApiProperty({ type: Boolean, description: 'The log is complete and unaltered.' })
  ok: boolean;

  @ApiProperty({ type: 'integer', description: 'Entries found in the log.' })
  entries: number;

  @ApiPropertyOptional({ type: String, description: 'When ok: the hash of the last entry.' })
  head?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'When not ok: the first sequence number that does not check out.',
  })
  firstBadSeq?: number;

  @ApiPropertyOptional({ enum: PROBLEMS, description: 'When not ok: what is wrong there.' })
  problem?: (typeof PROBLEMS)[number];

  @ApiPropertyOptional({ type: String, description: 'When not ok: a sentence for the operator.' })
  detail?: string;
}

@ApiTags('audit')
@Controller('consultations/:id/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Verify the hash chain of a consultation’s event log',
    description: 'Answers 200 whether or not the log checks out: read `ok`.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Consultation id (UUID).' })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'No consultation with this id.' })
  async verify(@Param('id', new ParseUUIDPipe()) id: string): Promise<AuditVerificationDto> {
    const result: VerifyResult | undefined = await this.audit.verify(id);
    if (!result) throw new NotFoundException(`no consultation ${id}`);
    return result;
  }

  @Get('log')
  @ApiOperation({
    summary: 'Export a consultation’s hash-chained event log, one page at a time',
    description:
      'The entries exactly as stored and hashed, each agency position with the signature it carried ' +
      '(ADR 15), and the head the consultation records: `icb audit verify <id> --keys <registry>` ' +
      're-computes the chain and checks every signature against the agencies’ public keys, ' +
      'without trusting this service. Only for readers cleared for the consultation’s marking.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Consultation id (UUID).' })
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'Invalid id or parameters.' })
  @ApiForbiddenResponse({
    type: ApiErrorDto,
    description: 'The consultation is classified above your clearance.',
  })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'No consultation with this id.' })
  async log(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: AuditLogQueryDto,
    @CurrentOperator() reader: Operator,
  ): Promise<AuditLogPageDto> {
    const page = await this.audit.export(id, query.after ?? 0, query.limit ?? DEFAULT_LOG_PAGE);
    if (!page) throw new NotFoundException(`no consultation ${id}`);
    if (!mayRead(reader.clearance, page.classification)) {
      throw new ForbiddenException(
        `consultation ${id} is classified above your clearance: its log cannot be exported to you`,
      );
    }
    const { classification: _marking, ...dto } = page;
    return dto;
  }
}
