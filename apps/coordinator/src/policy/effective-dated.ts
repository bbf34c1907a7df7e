import { type Instant, type IsoDate, isoDate, toDate } from './calendar';

/**
 * When a row of policy data applies: from the start of `effectiveFrom` (a UTC
 * calendar date) through the end of `effectiveTo` when there is one. Both ends
 * are whole days, so `effectiveTo` is the last day the row applies.
 */
export interface EffectivePeriod {
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate;
}

/** A row of policy data: the fields of `T` plus the period in which they apply. */
export type EffectiveDated<T extends object> = EffectivePeriod & Readonly<T>;

/** No row of a policy table applies on the date asked about: a gap in the data, not a business refusal. */
export class NoEffectivePolicyError extends Error {
  readonly code = 'NO_EFFECTIVE_POLICY';
  constructor(
    readonly policy: string,
    readonly asOf: IsoDate,
    options?: { cause?: unknown },
  ) {
    super(`no ${policy} is in effect on ${asOf}`, options);
    this.name = 'NoEffectivePolicyError';
  }
}

/** Two rows of a policy table start on the same day and both apply: the data is wrong. */
export class AmbiguousEffectivePolicyError extends Error {
  readonly code = 'AMBIGUOUS_EFFECTIVE_POLICY';
  constructor(
    readonly policy: string,
    readonly asOf: IsoDate,
  ) {
    super(`more than one ${policy} starting on the same day is in effect on ${asOf}`);
    this.name = 'AmbiguousEffectivePolicyError';
  }
}

/** Whether the row applies on the UTC calendar date of `asOf`. */
export function isInEffect(row: EffectivePeriod, asOf: Instant): boolean {
  const day = isoDate(toDate(asOf, 'asOf'));
  // ISO dates compare correctly as strings.
  return row.effectiveFrom <= day && (row.effectiveTo === undefined || day <= row.effectiveTo);
}

/** Every row in effect on `asOf`, in table order. */
export function effectiveRows<R extends EffectivePeriod>(rows: readonly R[], asOf: Instant): R[] {
  return rows.filter((row) => isInEffect(row, asOf));
}

/**
 * The row that applies on `asOf`: of the rows in effect that day, the one with
 * the latest `effectiveFrom`. A row whose `effectiveTo` has passed no longer
 * applies, so a temporary row laid over a standing one gives way to it again
 * when it ends. Throws `NoEffectivePolicyError` when no row applies.
 */
export function selectEffective<R extends EffectivePeriod>(
  rows: readonly R[],
  asOf: Instant,
  policy = 'policy',
): R {
  const inEffect = effectiveRows(rows, asOf);
  const day = isoDate(toDate(asOf, 'asOf'));
  if (inEffect.length === 0) throw new NoEffectivePolicyError(policy, day);
  const latest = inEffect.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a));
  if (inEffect.filter((row) => row.effectiveFrom === latest.effectiveFrom).length > 1) {
    throw new AmbiguousEffectivePolicyError(policy, day);
  }
  return latest;
}

/**
 * Problems with a table's dates, for a spec to assert there are none: each date
 * a real calendar date, and no row ending before it starts.
 */
export function tableProblems(rows: readonly EffectivePeriod[]): string[] {
  const problems: string[] = [];
  rows.forEach((row, i) => {
    for (const [field, value] of [
      ['effectiveFrom', row.effectiveFrom],
      ['effectiveTo', row.effectiveTo],
    ] as const) {
      if (value === undefined) continue;
      try {
        if (isoDate(toDate(value)) !== value) problems.push(`row ${i}: ${field} "${value}"`);
      } catch {
        problems.push(`row ${i}: ${field} "${value}" is not a date`);
      }
    }
    if (row.effectiveTo !== undefined && row.effectiveTo < row.effectiveFrom) {
      problems.push(`row ${i}: effectiveTo ${row.effectiveTo} is before ${row.effectiveFrom}`);
    }
  });
  return problems;
}
