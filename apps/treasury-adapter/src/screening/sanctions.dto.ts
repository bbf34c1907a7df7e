/**
 * The sanctions API's bodies and answers; bodies are validated by the global
 * ValidationPipe with the contract's own rules.
 * Documented by the Swagger plugin from the types and JSDoc (ADR 23); an
 * `@ApiProperty` states only what it cannot read (formats, integers, bounds,
 * enums in their order).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COUNTRY_PATTERN,
  LIMITS,
  MATCH_BASES,
  PARTY_ROLES,
  SCREENING_RESULTS,
  type MatchBasis,
  type PartyRole,
  type ScreeningResult,
} from '@icb/contracts';
import {
  NestedArray,
  Num,
  OneOf,
  Optional,
  Pattern,
  Text,
} from '@icb/contracts/validation/decorators';

const ISO = { type: String, format: 'date-time', example: '2026-03-02T14:30:00.000Z' } as const;
const DATE = { type: String, format: 'date', example: '2025-03-01' } as const;
const UUID = { type: String, format: 'uuid' } as const;

// ---------------------------------------------------------------- requests

export class OwnershipShareBodyDto {
  /** @example "Placeholder Holdings Ltd" */
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  ownerName: string;

  /** @example 50 */
  @ApiProperty({ minimum: 0, maximum: 100 })
  @Num({ min: 0, max: 100 })
  percent: number;
}

export class PartyBodyDto {
  /** @example "Acme Logistics Pty Ltd" */
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  name: string;

  @ApiProperty({ enum: PARTY_ROLES })
  @OneOf(PARTY_ROLES)
  role: PartyRole;

  /** @example "AUS" */
  @ApiProperty({ pattern: '^[A-Z]{3}$' })
  @Pattern(COUNTRY_PATTERN, 'an ISO 3166-1 alpha-3 country code')
  country: string;

  @ApiPropertyOptional({ maxItems: LIMITS.ownership })
  @Optional()
  @NestedArray(() => OwnershipShareBodyDto, { max: LIMITS.ownership })
  ownership?: OwnershipShareBodyDto[];
}

export class ScreenPartiesBodyDto {
  /** The parties of a transaction, with the owners each declares. */
  @ApiProperty({ maxItems: LIMITS.parties })
  @NestedArray(() => PartyBodyDto, { min: 1, max: LIMITS.parties })
  parties: PartyBodyDto[];
}

// ---------------------------------------------------------------- answers

export class SanctionsListRefDto {
  /** @example "OFAC SDN (fictitious sample)" */
  name: string;

  @ApiProperty(DATE)
  versionDate: string;
}

export class SanctionsListInfoDto extends SanctionsListRefDto {
  /** Entries on the list (SDN.CSV lines). */
  @ApiProperty({ type: 'integer' })
  entryCount: number;

  /** Aliases screened with them (ALT.CSV lines). */
  @ApiProperty({ type: 'integer' })
  aliasCount: number;

  /** When this adapter loaded the list. */
  @ApiProperty(ISO)
  loadedAt: string;

  /** Lines of the files that could not be read. */
  @ApiProperty({ type: 'integer' })
  problems: number;
}

export class ScreeningMatchDto {
  partyName: string;

  /** @example "90005" */
  listEntryUid: string;

  listEntryName: string;

  programs: string[];

  @ApiProperty({ enum: MATCH_BASES })
  basis: MatchBasis;

  /** With `ownership-50`: the aggregate share. */
  ownershipPercent?: number;
}

export class AdHocScreeningDto {
  list: SanctionsListRefDto;

  @ApiProperty({ enum: SCREENING_RESULTS })
  result: ScreeningResult;

  /** Distinct names screened (parties and owners). */
  @ApiProperty({ type: 'integer' })
  partiesScreened: number;

  matches: ScreeningMatchDto[];

  @ApiProperty(ISO)
  screenedAt: string;
}

export class RescreenedMatterDto {
  @ApiProperty(UUID)
  consultationId: string;

  @ApiProperty({ enum: SCREENING_RESULTS })
  result: ScreeningResult;

  @ApiProperty(UUID)
  screeningId: string;

  /** Whether a new sign-off was published. */
  signedOff: boolean;
}

export class ReloadResultDto {
  list: SanctionsListInfoDto;

  /** Open matters awaiting Treasury, re-screened. */
  @ApiProperty({ type: 'integer' })
  screened: number;

  /** The matters whose result or matches changed. */
  changed: RescreenedMatterDto[];
}
