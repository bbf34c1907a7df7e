import { AdapterErrorFilter, RETRY_AFTER_HEADER_DOC } from '@icb/agency-adapter';
import { Body, Controller, HttpCode, HttpStatus, Post, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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

/** State/PM's native requests, each opening a consultation (`consultation.opened`, as state-pm). */
@ApiTags('requests')
@ApiBadRequestResponse({ description: BAD })
@ApiServiceUnavailableResponse({
  description: 'The bus cannot be reached.',
  headers: RETRY_AFTER_HEADER_DOC,
})
@UseFilters(AdapterErrorFilter)
@Controller('requests')
export class RequestsController {
  constructor(private readonly bus: StatePmPublisher) {}

  @Post('fms')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'An FMS Letter of Request → fms-case (PM/DS)' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  fms(@Body() body: FmsLetterOfRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapFmsRequest(body, context()));
  }

  @Post('export-license')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'A DSP-5-like export licence application → technology-transfer (PM/DDTC)',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  exportLicense(@Body() body: ExportLicenseApplicationDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapExportLicense(body, context()));
  }

  @Post('security-cooperation')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'A security-cooperation program → security-cooperation (PM/M)' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  securityCooperation(@Body() body: SecurityCooperationRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapSecurityCooperation(body, context()));
  }

  @Post('arms-control-finding')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'An arms-control compliance finding → arms-control (PM/CAT)' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  armsControlFinding(@Body() body: ArmsControlFindingRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapArmsControlFinding(body, context()));
  }

  @Post('nonproliferation-concern')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'A nonproliferation concern → nonproliferation (PM/NP)' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  nonproliferationConcern(@Body() body: NonproliferationConcernRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapNonproliferationConcern(body, context()));
  }

  @Post('regional-security')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'A regional-security matter → regional-security (PM/RA)' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  regionalSecurity(@Body() body: RegionalSecurityRequestDto): Promise<AcceptedDto> {
    return this.bus.publish('consultation.opened', mapRegionalSecurity(body, context()));
  }
}

function context(): OpeningContext {
  return { consultationId: randomUUID(), requestedAt: new Date().toISOString() };
}
