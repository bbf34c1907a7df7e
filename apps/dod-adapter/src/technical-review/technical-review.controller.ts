import {
  Body,
  Controller,
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
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AdapterErrorFilter, RETRY_AFTER_HEADER_DOC } from '@icb/agency-adapter';
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Submit the technical and releasability review: a hold while incomplete, else the sign-off',
    description:
      'Findings per area. Any area incomplete (or left out) → review.hold-placed listing the outstanding areas ' +
      '(once; a standing hold stays). Complete: any area not releasable → non-concur with the reasons; ' +
      'any releasable with conditions → concur-with-conditions listing them; else concur. A complete review ' +
      'releases DoD’s hold (review.hold-released) before its signoff.submitted.',
  })
  @ApiParam({ name: 'consultationId', description: 'Consultation id (UUID).', format: 'uuid' })
  @ApiAcceptedResponse({ type: TechnicalReviewResultDto, description: 'Published on the bus.' })
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or DoD does not clear it.' })
  @ApiConflictResponse({
    description: 'The form is not for the current revision, or DoD’s review is not pending.',
  })
  submit(
    @Param('consultationId', ID) id: string,
    @Body() body: TechnicalReviewBodyDto,
  ): Promise<TechnicalReviewResultDto> {
    return this.reviews.submit(id, body);
  }
}
