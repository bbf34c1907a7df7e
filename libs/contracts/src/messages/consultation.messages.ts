import { AGENCIES, type Agency } from '../parties';
import { PRECEDENCES, type Precedence } from '../envelope';
import { IsMarking } from '../classification';
import {
  CONSULTATION_KINDS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
  DECISION_BASES,
  PARTY_ROLES,
  VALUE_CATEGORIES,
  type ConsultationKind,
  type ConsultationOutcome,
  type ConsultationStatus,
  type DecisionBasis,
  type PartyRole,
  type ValueCategory,
} from '../vocabularies';
import {
  Int,
  IsUtcDateTime,
  IsUuid,
  Nested,
  NestedArray,
  Num,
  OneOf,
  OneOfArray,
  Optional,
  Pattern,
  Text,
} from '../validation/decorators';
import {
  COUNTRY_PATTERN,
  OFFICE_CODE_PATTERN,
  USML_CATEGORY_PATTERN,
} from '../validation/patterns';
import { LIMITS } from './limits';

/** Value of a transaction in one AECA §36(b) column, in whole US dollars. */
export class TransactionValueV1 {
  @OneOf(VALUE_CATEGORIES) category: ValueCategory;
  @Int({ min: 0 }) amountUsd: number;
}

export class TransactionItemV1 {
  @Text(LIMITS.summary) description: string;
  @Int({ min: 1 }) quantity: number;
  /** USML category (Roman numeral), when the item is on the US Munitions List. */
  @Optional() @Pattern(USML_CATEGORY_PATTERN, 'a USML category, I to XXI') usmlCategory?: string;
}

export class OwnershipShareV1 {
  @Text(LIMITS.name) ownerName: string;
  /** Share held, 0 to 100. */
  @Num({ min: 0, max: 100 }) percent: number;
}

/** A party to the transaction; Treasury screens every one (and their owners). */
export class TransactionPartyV1 {
  @Text(LIMITS.name) name: string;
  @OneOf(PARTY_ROLES) role: PartyRole;
  @Pattern(COUNTRY_PATTERN, 'an ISO 3166-1 alpha-3 country code') country: string;
  @Optional()
  @NestedArray(() => OwnershipShareV1, { max: LIMITS.ownership })
  ownership?: OwnershipShareV1[];
}

/** What the policies (who must clear, thresholds, screening) read from a consultation. */
export class ConsultationAttributesV1 {
  /** Destination country, ISO 3166-1 alpha-3. */
  @Pattern(COUNTRY_PATTERN, 'an ISO 3166-1 alpha-3 country code') country: string;
  @NestedArray(() => TransactionValueV1, { max: VALUE_CATEGORIES.length })
  values: TransactionValueV1[];
  @NestedArray(() => TransactionItemV1, { max: LIMITS.items }) items: TransactionItemV1[];
  @NestedArray(() => TransactionPartyV1, { max: LIMITS.parties }) parties: TransactionPartyV1[];
}

/** State/PM opens a consultation; the coordinator requests the clearing agencies' reviews. */
export class ConsultationOpenedV1 {
  @IsUuid() consultationId: string;
  @OneOf(CONSULTATION_KINDS) kind: ConsultationKind;
  /** Office owning the matter (`PM/DS`); the directory of offices is configuration. */
  @Pattern(OFFICE_CODE_PATTERN, 'an office code like PM/DS') actionOffice: string;
  @Text(LIMITS.title) title: string;
  @Text(LIMITS.summary) summary: string;
  @Nested(() => ConsultationAttributesV1) attributes: ConsultationAttributesV1;
  @IsMarking() classification: string;
  @OneOf(PRECEDENCES) precedence: Precedence;
  /** Overrides the clearing agencies the policy would name. */
  @Optional() @OneOfArray(AGENCIES, { max: AGENCIES.length }) clearingParties?: Agency[];
  @Optional() @IsUtcDateTime() requestedAt?: string;
  /** Requester's reference, e.g. the Letter of Request number. */
  @Optional() @Text(LIMITS.reference) reference?: string;
}

export class ConsultationChangesV1 {
  @Optional() @Text(LIMITS.title) title?: string;
  @Optional() @Text(LIMITS.summary) summary?: string;
  /** Replaces the attributes as a whole. */
  @Optional() @Nested(() => ConsultationAttributesV1) attributes?: ConsultationAttributesV1;
  @Optional() @IsMarking() classification?: string;
}

/** State/PM amends a consultation: a new revision, which re-opens review. */
export class ConsultationAmendedV1 {
  @IsUuid() consultationId: string;
  /** The new revision number; the opening is revision 1. */
  @Int({ min: 2 }) revision: number;
  @Nested(() => ConsultationChangesV1, { notEmpty: true }) changes: ConsultationChangesV1;
  @Text(LIMITS.reason) reason: string;
}

export class ConsultationWithdrawnV1 {
  @IsUuid() consultationId: string;
  @Text(LIMITS.reason) reason: string;
}

/** The action office (and only it) adds or removes clearing agencies (2 FAM 1211-1213). */
export class ClearancePartiesChangedV1 {
  @IsUuid() consultationId: string;
  @OneOfArray(AGENCIES, { max: AGENCIES.length }) add: Agency[];
  @OneOfArray(AGENCIES, { max: AGENCIES.length }) remove: Agency[];
  @Text(LIMITS.reason) reason: string;
}

/** State/PM presents a matter without the concurrence of delaying offices (2 FAM 1211). */
export class ConsultationProceededWithoutClearanceV1 {
  @IsUuid() consultationId: string;
  @OneOfArray(AGENCIES, { max: AGENCIES.length, min: 1 }) delayingAgencies: Agency[];
  /** The rule invoked, e.g. `2 FAM 1211`. */
  @Text(LIMITS.rule) rule: string;
  @Text(LIMITS.reason) justification: string;
}

export class ConsultationDecidedV1 {
  @IsUuid() consultationId: string;
  @OneOf(CONSULTATION_OUTCOMES) outcome: ConsultationOutcome;
  @OneOf(DECISION_BASES) basis: DecisionBasis;
  @Int({ min: 1 }) revision: number;
  @IsUtcDateTime() decidedAt: string;
}

export class ConsultationStatusChangedV1 {
  @IsUuid() consultationId: string;
  @OneOf(CONSULTATION_STATUSES) from: ConsultationStatus;
  @OneOf(CONSULTATION_STATUSES) to: ConsultationStatus;
  @Text(LIMITS.reason) reason: string;
  @Int({ min: 1 }) revision: number;
  /** Agencies whose answer is still outstanding. */
  @OneOfArray(AGENCIES, { max: AGENCIES.length }) pendingAgencies: Agency[];
}
