import { CommanderError } from 'commander';
import {
  ApiUnreachableError,
  AuditChainBrokenError,
  errorReport,
  EXIT,
  exitCodeOf,
  NatsUnreachableError,
  NotFoundError,
  RefusedError,
  ServiceDownError,
  UnexpectedResponseError,
  UsageError,
  ValidationFailedError,
} from './cli.errors';

describe('exit codes', () => {
  it.each([
    ['a usage error', new UsageError('bad'), EXIT.usage],
    ['an invalid payload', new ValidationFailedError('invalid', ['/x bad']), EXIT.usage],
    ['something not found', new NotFoundError('no consultation'), EXIT.notFound],
    ['a refusal', new RefusedError('not a clearer'), EXIT.refused],
    ['a broken audit chain', new AuditChainBrokenError('broken'), EXIT.refused],
    ['an unreachable coordinator', new ApiUnreachableError('down'), EXIT.unreachable],
    ['an unreachable NATS', new NatsUnreachableError('down'), EXIT.unreachable],
    ['a coordinator reporting a part down', new ServiceDownError('nats down'), EXIT.unreachable],
    ['an unexpected answer', new UnexpectedResponseError('500', 500), EXIT.unexpected],
    ['a bug', new TypeError('x is undefined'), EXIT.unexpected],
    [
      'a commander usage error',
      new CommanderError(1, 'commander.unknownOption', 'error: unknown option'),
      EXIT.usage,
    ],
    ['help asked for', new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), EXIT.ok],
  ])('maps %s to its code', (_what, error, code) => {
    expect(exitCodeOf(error)).toBe(code);
  });

  it('reports a validation failure with every problem and the hint', () => {
    const report = errorReport(
      new ValidationFailedError('invalid payload', ['/a must be x', '/b must be y'], 'see docs'),
    );
    expect(report).toEqual({
      code: 'VALIDATION_FAILED',
      exitCode: EXIT.usage,
      message: 'invalid payload',
      errors: ['/a must be x', '/b must be y'],
      hint: 'see docs',
    });
  });

  it('reports an unexpected error with a hint to get the stack trace', () => {
    expect(errorReport(new Error('boom'))).toMatchObject({
      code: 'UNEXPECTED',
      exitCode: 1,
      hint: expect.stringContaining('ICB_DEBUG'),
    });
  });
});
