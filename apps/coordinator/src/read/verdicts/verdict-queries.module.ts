import { Module } from '@nestjs/common';
import { VerdictsModule } from '../../write/verdicts/verdicts.module';
import { VerdictsController } from './verdicts.controller';

/** `GET /messages/{eventId}/verdict`: reads the verdicts the write side records (ADR 11). */
@Module({
  imports: [VerdictsModule],
  controllers: [VerdictsController],
})
export class VerdictQueriesModule {}
