import { InvalidArgumentError } from 'commander';
import {
  AGENCIES,
  CONDITION_CATEGORIES,
  REFERENCE_ID_PATTERN,
  SIGN_OFF_DECISIONS,
  UUID_PATTERN,
  type Agency,
  type ConditionCategory,
  type SignOffConditionV1,
  type SignOffDecision,
  type SigningOfficerV1,
} from '@icb/contracts';

/**
 * Parsers for option and argument values (commander `argParser`s). Each
 * throws commander's InvalidArgumentError, which commander reports with the
 * option's name and `main` turns into exit code 2.
 */

export function oneOf<T extends string>(allowed: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${what} must be one of: ${allowed.join(', ')}.`);
  };
}

export const parseAgency = oneOf<Agency>(AGENCIES, 'agency');
export const parseDecision = oneOf<SignOffDecision>(SIGN_OFF_DECISIONS, 'decision');

/** A comma-separated list of allowed values (`--status in-review,escalated`); repeating the option adds to it. */
export function listOf<T extends string>(
  allowed: readonly T[],
  what: string,
): (value: string, previous?: T[]) => T[] {
  return (value, previous = []) => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) throw new InvalidArgumentError(`give at least one ${what}.`);
    const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
    if (bad.length > 0) {
      throw new InvalidArgumentError(
        `unknown ${what} ${bad.map((b) => `"${b}"`).join(', ')}; one of: ${allowed.join(', ')}.`,
      );
    }
    return [...previous, ...(items as T[])];
  };
}

/** A whole number within bounds. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number.');
    const n = Number(value);
    if (n < min || n > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER
          ? `must be ${min} or more.`
          : `must be between ${min} and ${max}.`,
      );
    }
    return n;
  };
}

export function parseUuid(value: string): string {
  const v = value.trim();
  if (!UUID_PATTERN.test(v)) throw new InvalidArgumentError('must be a UUID.');
  return v;
}

/**
 * `--condition "ID: text"` or `--condition "ID [category]: text"`, repeatable.
 * The id ends at the first colon followed by a space, so ids may contain
 * colons themselves (`dod:eum-1: text`).
 */
export function parseCondition(
  value: string,
  previous: SignOffConditionV1[] = [],
): SignOffConditionV1[] {
  const m = /^\s*(\S+?)(?:\s*\[([a-z-]+)\])?:\s+(\S[\s\S]*)$/.exec(value);
  if (!m) {
    throw new InvalidArgumentError(
      'write a condition as "ID: text", e.g. "EUM-1: Enhanced end-use monitoring".',
    );
  }
  const [, id, category, text] = m;
  if (!REFERENCE_ID_PATTERN.test(id)) {
    throw new InvalidArgumentError(
      `condition id "${id}" must be letters, digits and . _ : / - (up to 64).`,
    );
  }
  if (category !== undefined && !(CONDITION_CATEGORIES as readonly string[]).includes(category)) {
    throw new InvalidArgumentError(
      `condition category "${category}" must be one of: ${CONDITION_CATEGORIES.join(', ')}.`,
    );
  }
  if (previous.some((c) => c.id === id))
    throw new InvalidArgumentError(`condition id "${id}" given twice.`);
  const condition: SignOffConditionV1 = { id, text: text.trim() };
  if (category) condition.category = category as ConditionCategory;
  return [...previous, condition];
}

/** `--officer "Name, Title"`: the name ends at the first comma. */
export function parseOfficer(value: string): SigningOfficerV1 {
  const comma = value.indexOf(',');
  const name = comma < 0 ? '' : value.slice(0, comma).trim();
  const title = comma < 0 ? '' : value.slice(comma + 1).trim();
  if (!name || !title) {
    throw new InvalidArgumentError(
      'write the officer as "Name, Title", e.g. "J. Smith, Director PM/RSAT".',
    );
  }
  return { name, title };
}

/** A condition id, as its agency gave it (letters, digits, `. _ : / -`, up to 64). */
export function parseConditionId(value: string): string {
  const v = value.trim();
  if (!REFERENCE_ID_PATTERN.test(v)) {
    throw new InvalidArgumentError(
      'must be a condition id (letters, digits, . _ : / -, up to 64).',
    );
  }
  return v;
}
