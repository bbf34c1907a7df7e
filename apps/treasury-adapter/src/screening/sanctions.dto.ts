/**
 * The sanctions API's bodies and answers. Every property has an explicit
 * `@ApiProperty` (the swc build does not run the swagger CLI plugin); bodies
 * are validated by the global ValidationPipe with the contract's own rules.
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
  @ApiProperty({ type: String, maxLength: LIMITS.name, example: 'Placeholder Holdings Ltd' })
  @Text(LIMITS.name)
  ownerName: string;

  @ApiProperty({ type: Number, minimum: 0, maximum: 100, example: 50 })
  @Num({ min: 0, max: 100 })
  percent: number;
}

export class PartyBodyDto {
  @ApiProperty({ type: String, maxLength: LIMITS.name, example: 'Acme Logistics Pty Ltd' })
  @Text(LIMITS.name)
  name: string;

  @ApiProperty({ enum: PARTY_ROLES })
  @OneOf(PARTY_ROLES)
  role: PartyRole;

  @ApiProperty({ type: String, pattern: '^[A-Z]{3}$', example: 'AUS' })
  @Pattern(COUNTRY_PATTERN, 'an ISO 3166-1 alpha-3 country code')
  country: string;

  @ApiPropertyOptional({ type: () => [OwnershipShareBodyDto], maxItems: LIMITS.ownership })
  @Optional()
  @NestedArray(() => OwnershipShareBodyDto, { max: LIMITS.ownership })
  ownership?: OwnershipShareBodyDto[];
}

export class ScreenPartiesBodyDto {
  @ApiProperty({
    type: () => [PartyBodyDto],
    maxItems: LIMITS.parties,
    description: 'The parties of a transaction, with the owners each declares.',
  })
  @NestedArray(() => PartyBodyDto, { min: 1, max: LIMITS.parties })
  parties: PartyBodyDto[];
}

// ---------------------------------------------------------------- answers

export class SanctionsListRefDto {
  @ApiProperty({ type: String, example: 'OFAC SDN (fictitious sample)' })
  name: string;

  @ApiProperty(DATE)
  versionDate: string;
}

export class SanctionsListInfoDto extends SanctionsListRefDto {
  @ApiProperty({ type: 'integer', description: 'Entries on the list (SDN.CSV lines).' })
  entryCount: number;

  @ApiProperty({ type: 'integer', description: 'Aliases screened with them (ALT.CSV lines).' })
  aliasCount: number;

  @ApiProperty({ ...ISO, description: 'When this adapter loaded the list.' })
  loadedAt: string;

  @ApiProperty({ type: 'integer', description: 'Lines of the files that could not be read.' })
  problems: number;
}

export class ScreeningMatchDto {
  @ApiProperty({ type: String })
  partyName: string;

  @ApiProperty({ type: String, example: '90005' })
  listEntryUid: string;

  @ApiProperty({ type: String })
  listEntryName: string;

  @ApiProperty({ type: String, isArray: true })
  programs: string[];

  @ApiProperty({ enum: MATCH_BASES })
  basis: MatchBasis;

  @ApiPropertyOptional({ type: Number, description: 'With `ownership-50`: the aggregate share.' })
  ownershipPercent?: number;
}

export class AdHocScreeningDto {
  @ApiProperty({ type: () => SanctionsListRefDto })
  list: SanctionsListRefDto;

  @ApiProperty({ enum: SCREENING_RESULTS })
  result: ScreeningResult;

  @ApiProperty({ type: 'integer', description: 'Distinct names screened (parties and owners).' })
  partiesScreened: number;

  @ApiProperty({ type: () => [ScreeningMatchDto] })
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

  @ApiProperty({ type: Boolean, description: 'Whether a new sign-off was published.' })
  signedOff: boolean;
}

export class ReloadResultDto {
  @ApiProperty({ type: () => SanctionsListInfoDto })
  list: SanctionsListInfoDto;

  @ApiProperty({ type: 'integer', description: 'Open matters awaiting Treasury, re-screened.' })
  screened: number;

  @ApiProperty({
    type: () => [RescreenedMatterDto],
    description: 'The matters whose result or matches changed.',
  })
  changed: RescreenedMatterDto[];
}
