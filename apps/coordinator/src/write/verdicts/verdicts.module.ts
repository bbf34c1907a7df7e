import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventLogModule } from '../event-log/event-log.module';
import { VerdictRepository } from './verdict.repository';
import { VERDICT_COLLECTION, VerdictSchema } from './verdict.schema';
import { VerdictsService } from './verdicts.service';

/** The coordinator's verdicts on messages: recorded, announced, and read over HTTP (ADR 11). */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: VERDICT_COLLECTION, schema: VerdictSchema }]),
    EventLogModule,
  ],
  providers: [VerdictRepository, VerdictsService],
  exports: [VerdictsService],
})
export class VerdictsModule {}
