import { submitSignOff } from '../consultation.aggregate';
import { answerConditionRemoval, requestConditionRemoval } from './condition-removal.decider';
import {
  ok,
  refusal,
  at,
  CONSULTATION_ID,
  T0,
  anFmsCase,
  aSignOff,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('conditions', () => {
    it('a condition is removed only after the imposing agency agrees', () => {
      let s = open(anFmsCase());
      s = ok(
        submitSignOff(
          s,
          aSignOff('dod', 'concur-with-conditions', { conditionIds: ['DOD-SEC-1'] }),
          at(T0),
        ),
      ).state;
      const request = {
        consultationId: CONSULTATION_ID,
        conditionId: 'DOD-SEC-1',
        imposingAgency: 'dod' as const,
        justification: 'The partner accepted an equivalent plan',
      };

      expect(
        refusal(requestConditionRemoval(s, { ...request, imposingAgency: 'nsc' }, at(T0))).code,
      ).toBe('NOT_THE_IMPOSING_AGENCY');
      const answer = {
        consultationId: CONSULTATION_ID,
        conditionId: 'DOD-SEC-1',
        agency: 'dod' as const,
        agreed: true,
        comment: 'Agreed',
      };
      expect(refusal(answerConditionRemoval(s, answer, at(T0))).code).toBe('NO_REMOVAL_REQUESTED');

      s = ok(requestConditionRemoval(s, request, at('2025-03-05T10:00:00.000Z'))).state;
      expect(s.conditions[0].status).toBe('removal-requested');
      expect(refusal(answerConditionRemoval(s, { ...answer, agency: 'nsc' }, at(T0))).code).toBe(
        'NOT_THE_IMPOSING_AGENCY',
      );

      s = ok(
        answerConditionRemoval(
          s,
          { ...answer, agreed: false, comment: 'Still needed' },
          at('2025-03-06T10:00:00.000Z'),
        ),
      ).state;
      expect(s.conditions[0].status).toBe('retained');

      s = ok(requestConditionRemoval(s, request, at('2025-03-07T10:00:00.000Z'))).state;
      const removed = ok(answerConditionRemoval(s, answer, at('2025-03-08T10:00:00.000Z')));
      expect(removed.state.conditions[0]).toMatchObject({
        status: 'removed',
        removal: { agreed: true, comment: 'Agreed', answeredAt: '2025-03-08T10:00:00.000Z' },
      });
      expect(removed.notes.map((n) => n.type)).toEqual(['condition.removed']);
    });
  });
});
