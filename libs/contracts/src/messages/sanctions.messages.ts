import {
  MATCH_BASES,
  SCREENING_RESULTS,
  type MatchBasis,
  type ScreeningResult,
} from '../vocabularies';
import {
  Int,
  IsDate,
  IsUtcDateTime,
  IsUuid,
  Nested,
  NestedArray,
  Num,
  OneOf,
  Pattern,
  RequiredWhen,
  Text,
  TextArray,
} from '../validation/decorators';
import { REFERENCE_ID_PATTERN } from '../validation/patterns';
import { LIMITS } from './limits';

/** Which list, and which version of it, a screening used. */
export class SanctionsListRefV1 {
  /** e.g. `SDN`, `SSI`, `NS-MBS`. */
  @Text(LIMITS.reference) name: string;
  @IsDate() versionDate: string;
}

export class SanctionsMatchV1 {
  @Text(LIMITS.name) partyName: string;
  @Pattern(REFERENCE_ID_PATTERN, 'a list entry uid') listEntryUid: string;
  @Text(LIMITS.name) listEntryName: string;
  /** Sanctions programs of the entry, e.g. `SDGT`, `RUSSIA-EO14024`. */
  @TextArray(LIMITS.reference, { max: LIMITS.programs }) programs: string[];
  @OneOf(MATCH_BASES) basis: MatchBasis;
  /** Aggregate share held by blocked persons; required for a 50%-rule match. */
  @RequiredWhen('basis', ['ownership-50'], { onlyThen: true })
  @Num({ min: 50, max: 100 })
  ownershipPercent?: number;
}

/** Treasury (OFAC) screened every party of a consultation against one list version. */
export class SanctionsScreeningCompletedV1 {
  @IsUuid() consultationId: string;
  @IsUuid() screeningId: string;
  @Nested(() => SanctionsListRefV1) list: SanctionsListRefV1;
  @OneOf(SCREENING_RESULTS) result: ScreeningResult;
  @Int({ min: 0 }) partiesScreened: number;
  @NestedArray(() => SanctionsMatchV1, { max: LIMITS.matches }) matches: SanctionsMatchV1[];
  @IsUtcDateTime() screenedAt: string;
}

/** A new list version was loaded; open matters may be re-screened. */
export class SanctionsListLoadedV1 {
  @Nested(() => SanctionsListRefV1) list: SanctionsListRefV1;
  @Int({ min: 0 }) entryCount: number;
  @IsUtcDateTime() loadedAt: string;
}
