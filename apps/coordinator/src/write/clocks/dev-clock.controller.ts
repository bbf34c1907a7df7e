import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
} from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth.decorators';
import { AdjustableClock, Clock } from '../../time/clock';
import { ClockScheduler } from './clock-scheduler';
import { AdvanceClockDto, DevClockDto } from './dev-clock.dto';

const DISABLED =
  'the development clock is off: start the coordinator with DEV_CLOCK=true (npm start does)';

/** Local stacks only: move the coordinator's time forward to watch long clocks run out. */
@ApiTags('development')
@Controller('dev/clock')
export class DevClockController {
  constructor(
    private readonly clock: Clock,
    private readonly scheduler: ClockScheduler,
  ) {}

  private adjustable(): AdjustableClock {
    if (!(this.clock instanceof AdjustableClock)) throw new NotFoundException(DISABLED);
    return this.clock;
  }

  @Get()
  @ApiOperation({ summary: "The coordinator's time (DEV_CLOCK=true only)" })
  @ApiOkResponse({ type: DevClockDto })
  @ApiNotFoundResponse({ description: 'DEV_CLOCK is off' })
  get(): DevClockDto {
    const clock = this.adjustable();
    return { now: clock.now().toISOString(), offsetMs: clock.offset };
  }

  @RequireRole('action-officer')
  @ApiForbiddenResponse({ description: 'Action officers only.' })
  @Post('advance')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the coordinator’s time forward and fire the clocks that fall due (DEV_CLOCK=true only)',
  })
  @ApiOkResponse({ type: DevClockDto })
  @ApiNotFoundResponse({ description: 'DEV_CLOCK is off' })
  async advance(@Body() body: AdvanceClockDto): Promise<DevClockDto> {
    const clock = this.adjustable();
    const ms = ((body.days ?? 0) * 24 * 60 + (body.hours ?? 0) * 60 + (body.minutes ?? 0)) * 60_000;
    if (ms <= 0) throw new BadRequestException('give days, hours or minutes greater than zero');
    clock.advance(ms);
    const fired = await this.scheduler.tick();
    return { now: clock.now().toISOString(), offsetMs: clock.offset, fired };
  }
}
