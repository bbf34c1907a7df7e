import pc from 'picocolors';
import { daysLeft, daysLeftText, Output, shortTime, statusColor, timeLeftText } from './output';

const plain = pc.createColors(false);
const colored = pc.createColors(true);
const ESC = String.fromCharCode(27);

function capture(
  json = false,
  color = false,
): { out: Output; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  const out = new Output(
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    },
    json,
    color,
  );
  return { out, stdout: () => stdout, stderr: () => stderr };
}

describe('output formatting', () => {
  it('counts days left the coordinator’s way: rounded up, negative when past', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(daysLeft('2026-03-12T11:00:00Z', now)).toBe(2);
    expect(daysLeft('2026-03-10T12:00:00Z', now)).toBe(0);
    expect(daysLeft('2026-03-10T11:00:00Z', now)).toBe(-1);
    expect(daysLeft('2026-03-07T12:00:00Z', now)).toBe(-3);
  });

  it('says how overdue a deadline is, in red', () => {
    expect(daysLeftText(-2, true, plain)).toBe('2d overdue');
    expect(daysLeftText(-2, true, colored)).toBe(colored.red(colored.bold('2d overdue')));
  });

  it('warns in yellow when two days or fewer are left, and shows a dash with no deadline', () => {
    expect(daysLeftText(5, false, colored)).toBe('5d left');
    expect(daysLeftText(2, false, colored)).toBe(colored.yellow('2d left'));
    expect(daysLeftText(0, false, plain)).toBe('due now');
    expect(daysLeftText(null, false, plain)).toBe('—');
  });

  it('counts hours for a clock due within a day, days otherwise', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(timeLeftText('2026-03-10T15:00:00Z', now, plain)).toBe('3h left');
    expect(timeLeftText('2026-03-10T06:30:00Z', now, plain)).toBe('6h overdue');
    expect(timeLeftText('2026-03-15T12:00:00Z', now, plain)).toBe('5d left');
    expect(timeLeftText('2026-03-07T12:00:00Z', now, colored)).toBe(
      colored.red(colored.bold('3d overdue')),
    );
  });

  it('colours statuses by what they mean and leaves them plain without colour', () => {
    expect(statusColor('denied', colored)).toBe(colored.red('denied'));
    expect(statusColor('approved', colored)).toBe(colored.green('approved'));
    expect(statusColor('in-review', plain)).toBe('in-review');
  });

  it('shows times to the minute in UTC', () => {
    expect(shortTime('2026-03-02T14:30:45.123Z')).toBe('2026-03-02 14:30Z');
    expect(shortTime(null)).toBe('—');
  });

  it('writes tables without escape codes when colour is off', () => {
    const { out } = capture();
    const table = out.table(['id', 'status'], [['a', 'in-review']]);
    expect(table).toContain('in-review');
    expect(table).not.toContain(ESC);
  });

  it('prints JSON results pretty, and JSON lines compact', () => {
    const { out, stdout } = capture(true);
    out.data({ a: 1 });
    out.jsonLine({ b: 2 });
    expect(stdout()).toBe('{\n  "a": 1\n}\n{"b":2}\n');
  });

  it('writes an error as one line with its hint, then its problems', () => {
    const { out, stdout, stderr } = capture();
    out.error({
      code: 'VALIDATION_FAILED',
      exitCode: 2,
      message: 'invalid payload',
      errors: ['/a bad'],
      hint: 'see docs',
    });
    expect(stderr()).toBe('error: invalid payload — see docs\n  - /a bad\n');
    expect(stdout()).toBe('');
  });

  it('writes an error as a JSON object on stderr in --json mode', () => {
    const { out, stderr } = capture(true);
    out.error({ code: 'NOT_FOUND', exitCode: 3, message: 'no consultation x' });
    expect(JSON.parse(stderr())).toEqual({
      error: { code: 'NOT_FOUND', exitCode: 3, message: 'no consultation x' },
    });
  });
});
