import {
  AdapterErrorFilter,
  AnswersWithVerdict,
  RETRY_AFTER_HEADER_DOC,
  ADAPTER_SCOPES,
  RequireScopes,
} from '@icb/agency-adapter';
import { Body, Controller, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AcceptedDto } from '../published.dto';
import { StatePmPublisher } from '../state-pm.publisher';
import { mapFmsRequest, type OpeningContext } from './fms-request.mapper';
import {
  mapArmsControlFinding,
  mapExportLicense,
  mapNonproliferationConcern,
  mapRegionalSecurity,
  mapSecurityCooperation,
} from './native-request.mappers';
import {
  ArmsControlFindingRequestDto,
  ExportLicenseApplicationDto,
  FmsLetterOfRequestDto,
  NonproliferationConcernRequestDto,
  RegionalSecurityRequestDto,
  SecurityCooperationRequestDto,
} from './native-requests.dto';

const BAD = '`message` lists each problem (request shape, then the contract).';

/**
 * State/PM's native requests, each opening a consultation (`consultation.opened`,
 * as state-pm): 201 once the coordinator opened it (ADR 11).
 */
@ApiTags('requests')
@ApiBadRequestResponse({ description: BAD })
@ApiServiceUnavailableResponse({
  description: 'The bus cannot be reached: nothing was opened.',
  headers: RETRY_AFTER_HEADER_DOC,
})
@UseFilters(AdapterErrorFilter)
@Controller('requests')
export class RequestsController {
  constructor(private readonly bus: StatePmPublisher) {}

  @Post('fms')
  @RequireScopes(ADAPTER_SCOPES.requestsFile)
  @ApiOperation({ summary: 'An FMS Letter of Request → fms-case (PM/DS)' })
  @AnswersWithVerdict(AcceptedDto, { created: true })
  fms(@Body() body: FmsLetterOfRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapFmsRequest(body, context()));
  }

  @Post('export-license')
  @RequireScopes(ADAPTER_SCOPES.requestsFile)
  @ApiOperation({
    summary: 'A DSP-5-like export licence application → technology-transfer (PM/DDTC)',
  })
  @AnswersWithVerdict(AcceptedDto, { created: true })
  exportLicense(@Body() body: ExportLicenseApplicationDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapExportLicense(body, context()));
  }

  @Post('security-cooperation')
  @RequireScopes(ADAPTER_SCOPES.requestsFile)
  @ApiOperation({ summary: 'A security-cooperation program → security-cooperation (PM/M)' })
  @AnswersWithVerdict(AcceptedDto, { created: true })
  securityCooperation(@Body() body: SecurityCooperationRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapSecurityCooperation(body, context()));
  }

  @Post('arms-control-finding')
  @RequireScopes(ADAPTER_SCOPES.requestsFile)
  @ApiOperation({ summary: 'An arms-control compliance finding → arms-control (PM/CAT)' })
  @AnswersWithVerdict(AcceptedDto, { created: true })
  armsControlFinding(@Body() body: ArmsControlFindingRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapArmsControlFinding(body, context()));
  }

  @Post('nonproliferation-concern')
  @RequireScopes(ADAPTER_SCOPES.requestsFile)
  @ApiOperation({ summary: 'A nonproliferation concern → nonproliferation (PM/NP)' })
  @AnswersWithVerdict(AcceptedDto, { created: true })
  nonproliferationConcern(@Body() body: NonproliferationConcernRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapNonproliferationConcern(body, context()));
  }

  @Post('regional-security')
  @RequireScopes(ADAPTER_SCOPES.requestsFile)
  @ApiOperation({ summary: 'A regional-security matter → regional-security (PM/RA)' })
  @AnswersWithVerdict(AcceptedDto, { created: true })
  regionalSecurity(@Body() body: RegionalSecurityRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapRegionalSecurity(body, context()));
  }
}

function context(): OpeningContext {
  return { consultationId: randomUUID(), requestedAt: new Date().toISOString() };
}
