import type { CoordinatorConsultation } from '@icb/agency-adapter';
import { ladderOf, openEscalation } from './escalations.service';

/** A consultation as far as these tests read it: its status and (part of) its escalation. */
type Over = Omit<Partial<CoordinatorConsultation>, 'escalation'> & {
  escalation?: Partial<NonNullable<CoordinatorConsultation['escalation']>>;
};

function consultation(over: Over): CoordinatorConsultation {
  return { status: 'escalated', ...over } as CoordinatorConsultation;
}

describe('NSC escalations: reading the coordinator', () => {
  it.each([
    ['pcc', 'nsc'],
    ['deputies', 'nsc'],
    ['principals', 'nsc'],
    ['nsc', 'nsc'],
    ['operating-committee', 'licensing'],
    ['earb', 'licensing'],
    [null, null],
  ] as const)('level %s is on ladder %s', (level, ladder) => {
    expect(ladderOf(level)).toBe(ladder);
  });

  it.each<[string, Over, boolean]>([
    ['escalated at a level', { escalation: { ladder: 'nsc', level: 'deputies' } }, true],
    ['not escalated', { status: 'in-review', escalation: { ladder: 'nsc', level: 'pcc' } }, false],
    ['resolved', { escalation: { ladder: 'nsc', level: 'pcc', resolvedAt: 'x' } }, false],
    ['superseded', { escalation: { ladder: 'nsc', level: 'pcc', supersededAt: 'x' } }, false],
    ['level off its ladder', { escalation: { ladder: 'nsc', level: 'earb' } }, false],
    ['no escalation', {}, false],
  ])('%s → open: %s', (_name, over, open) => {
    expect(openEscalation(consultation(over)) !== undefined).toBe(open);
  });
});
