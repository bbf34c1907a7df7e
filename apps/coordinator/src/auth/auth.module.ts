import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ClientRateLimitModule } from '@icb/runtime';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, PASSWORD_VERIFIER } from './auth.service';
import { FAILED_SIGN_IN_STORE, KvFailedSignIns } from './failed-sign-ins';
import { verifyPassword } from './operator-accounts';

/**
 * Operators sign in; every route but health and sign-in needs a signed-in
 * operator (ADR 8). Failed sign-ins are counted in a NATS KV bucket all
 * instances share; sign-in attempts are also limited per client address.
 */
@Global()
@Module({
  imports: [
    ClientRateLimitModule.forRoot({
      applies: 'marked',
      perMinute: (config) => config.SIGN_IN_RATE_LIMIT_PER_MINUTE,
      what: 'sign-ins',
      setting: 'SIGN_IN_RATE_LIMIT_PER_MINUTE',
    }),
  ],
  controllers: [AuthController],
  providers: [
    KvFailedSignIns,
    { provide: FAILED_SIGN_IN_STORE, useExisting: KvFailedSignIns },
    { provide: PASSWORD_VERIFIER, useValue: verifyPassword },
    AuthService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
