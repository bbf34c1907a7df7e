import { Body, Controller, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ActingOfficerOf,
  AdapterErrorFilter,
  ADAPTER_SCOPES,
  AnswersWithVerdict,
  RequireScopes,
  RETRY_AFTER_HEADER_DOC,
  type ActingOfficer,
} from '@icb/agency-adapter';
import { TechnicalReviewBodyDto, TechnicalReviewResultDto } from './technical-review.dto';
import { TechnicalReviewService } from './technical-review.service';

const ID = new ParseUUIDPipe({ version: undefined });

/** DoD's own form: its technical and releasability review of a consultation. */
@ApiTags('technical-review')
@ApiServiceUnavailableResponse({
  description: 'The coordinator or the bus cannot be reached.',
  headers: RETRY_AFTER_HEADER_DOC,
})
@UseFilters(AdapterErrorFilter)
@Controller('reviews')
export class TechnicalReviewController {
  constructor(private readonly reviews: TechnicalReviewService) {}

  @Post(':consultationId/technical-review')
  @RequireScopes(ADAPTER_SCOPES.reviewsSignOff, ADAPTER_SCOPES.reviewsHold)
  @ApiOperation({
    summary:
      'Submit the technical and releasability review: a hold while incomplete, else the sign-off',
    description:
      'Findings per area. Any area incomplete (or left out) → review.hold-placed listing the outstanding areas ' +
      '(once; a standing hold stays). Complete: any area not releasable → non-concur with the reasons; ' +
      'any releasable with conditions → concur-with-conditions listing them; else concur. A complete review ' +
      'releases DoD’s hold (review.hold-released) before its signoff.submitted. The answer carries the ' +
      'coordinator’s verdict on each message; its status is that of the last (DoD’s answer). A 409 ' +
      'without `verdict` is DoD’s own check: the form is not for the current revision, or DoD’s review ' +
      'is not pending. The signing officer is the one the access token names (`officer` claim): ' +
      '403 `OFFICER_REQUIRED` when it names none.',
  })
  @ApiParam({ name: 'consultationId', description: 'Consultation id (UUID).', format: 'uuid' })
  @AnswersWithVerdict(TechnicalReviewResultDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or DoD does not clear it.' })
  submit(
    @Param('consultationId', ID) id: string,
    @Body() body: TechnicalReviewBodyDto,
    @ActingOfficerOf() officer: ActingOfficer,
  ): Promise<TechnicalReviewResultDto> {
    return this.reviews.submit(id, body, officer);
  }
}
