import type { EffectiveDated } from './effective-dated';
import type { Agency, ConsultationKind, EscalationLadder, EscalationLevel } from './vocabulary';

/** How a level reaches its decision. */
export type VoteModel =
  /** Members agree; without agreement the matter is referred up. */
  | 'consensus'
  /** The chair decides after hearing the members. */
  | 'chair-decides'
  /** A majority of the voting members decides. */
  | 'majority-of-voting-members'
  | 'president-decides';

export interface LevelMember {
  readonly body: string;
  /** The bus agency that speaks for this member, when there is one. */
  readonly agency?: Agency;
  readonly voting: boolean;
}

export interface LevelDeadline {
  readonly days: number;
  /** From when the matter entered the level, or from the agencies' review deadline. */
  readonly from: 'entered' | 'agencies-deadline';
}

export interface LadderLevel {
  readonly level: EscalationLevel;
  readonly name: string;
  readonly chair: string;
  readonly members: readonly LevelMember[];
  readonly voteModel: VoteModel;
  /** Null when the level is not on a clock (the President). */
  readonly deadline: LevelDeadline | null;
  /** Days a dissenting member has to appeal the level's decision upward. */
  readonly appealWithinDays?: number;
}

export interface Ladder {
  readonly ladder: EscalationLadder;
  /** Lowest first. */
  readonly levels: readonly LadderLevel[];
  /** Every matter is resolved or referred to the top within this many calendar days of the application. */
  readonly overallLimitDays?: number;
  readonly source: string;
}

const NSC_MEMBERS: readonly LevelMember[] = [
  { body: 'State', agency: 'state-pm', voting: true },
  { body: 'Defense', agency: 'dod', voting: true },
  { body: 'Treasury', agency: 'treasury', voting: true },
  { body: 'CIA', agency: 'cia', voting: true },
  { body: 'Joint Chiefs of Staff', voting: true },
];

// Membership of the licensing committees as we read EO 12981 §5 (CIA and JCS
// non-voting at every level; DOMAIN.md states it for the EARB). To verify
// against the order's text, as are the ACEP and EARB day counts.
const LICENSING_MEMBERS: readonly LevelMember[] = [
  { body: 'Commerce', voting: true },
  { body: 'State', agency: 'state-pm', voting: true },
  { body: 'Defense', agency: 'dod', voting: true },
  { body: 'Energy', voting: true },
  { body: 'Joint Chiefs of Staff', voting: false },
  { body: 'CIA', agency: 'cia', voting: false },
];

/** The ladders. A reorganized process is a new row with a later `effectiveFrom`. */
export const ESCALATION_LADDERS_DATA: readonly EffectiveDated<Ladder>[] = [
  {
    effectiveFrom: '2001-02-13',
    ladder: 'nsc',
    source: 'NSPD-1 (2001) and later NSC organization memoranda (PCC, Deputies, Principals)',
    levels: [
      {
        level: 'pcc',
        name: 'Policy Coordination Committee',
        chair: 'NSC staff (senior director)',
        members: NSC_MEMBERS,
        voteModel: 'consensus',
        deadline: { days: 14, from: 'entered' },
      },
      {
        level: 'deputies',
        name: 'Deputies Committee',
        chair: 'Deputy National Security Advisor',
        members: NSC_MEMBERS,
        voteModel: 'consensus',
        deadline: { days: 7, from: 'entered' },
      },
      {
        level: 'principals',
        name: 'Principals Committee',
        chair: 'National Security Advisor',
        members: NSC_MEMBERS,
        voteModel: 'consensus',
        deadline: { days: 7, from: 'entered' },
      },
      {
        level: 'nsc',
        name: 'National Security Council',
        chair: 'President',
        members: NSC_MEMBERS,
        voteModel: 'president-decides',
        deadline: null,
      },
    ],
  },
  {
    effectiveFrom: '1995-12-05',
    ladder: 'licensing',
    source: 'EO 12981 (1995) as amended by EO 13020; 15 CFR 750.4',
    overallLimitDays: 90,
    levels: [
      {
        level: 'operating-committee',
        name: 'Operating Committee',
        chair: 'Chair of the Operating Committee (Commerce)',
        members: LICENSING_MEMBERS,
        voteModel: 'chair-decides',
        deadline: { days: 14, from: 'agencies-deadline' },
        appealWithinDays: 5,
      },
      {
        level: 'acep',
        name: 'Advisory Committee on Export Policy',
        chair: 'Assistant Secretary of Commerce for Export Administration',
        members: LICENSING_MEMBERS,
        voteModel: 'majority-of-voting-members',
        deadline: { days: 11, from: 'entered' },
        appealWithinDays: 5,
      },
      {
        level: 'earb',
        name: 'Export Administration Review Board',
        chair: 'Secretary of Commerce',
        members: LICENSING_MEMBERS,
        voteModel: 'majority-of-voting-members',
        deadline: { days: 11, from: 'entered' },
        appealWithinDays: 5,
      },
      {
        level: 'president',
        name: 'The President',
        chair: 'President',
        members: [],
        voteModel: 'president-decides',
        deadline: null,
      },
    ],
  },
];

export interface LadderAssignment {
  readonly kind: ConsultationKind;
  readonly ladder: EscalationLadder;
  /**
   * Whether a missed review deadline escalates. Not for export-license
   * referrals: there, silence past the deadline is deemed concurrence.
   */
  readonly escalateOnMissedDeadline: boolean;
}

/** Technology transfer climbs the licensing ladder; everything else the NSC's (baseline 2000-01-01). */
export const LADDER_ASSIGNMENTS: readonly EffectiveDated<LadderAssignment>[] = [
  ...(
    [
      'fms-case',
      'security-cooperation',
      'nonproliferation',
      'arms-control',
      'regional-security',
    ] as const
  ).map((kind) => ({
    effectiveFrom: '2000-01-01',
    kind,
    ladder: 'nsc' as const,
    escalateOnMissedDeadline: true,
  })),
  {
    effectiveFrom: '2000-01-01',
    kind: 'technology-transfer',
    ladder: 'licensing',
    escalateOnMissedDeadline: false,
  },
];
