import { recordScreening } from './screening.decider';
import { ok, refusal, at, CONSULTATION_ID, T0, anFmsCase, open } from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('screening and intelligence', () => {
    it('a screening is recorded with its list version, once', () => {
      const screening = {
        consultationId: CONSULTATION_ID,
        screeningId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        list: { name: 'SDN', versionDate: '2025-03-01' },
        result: 'clear' as const,
        partiesScreened: 3,
        matches: [],
        screenedAt: T0,
      };
      const s = ok(recordScreening(open(anFmsCase()), screening, at(T0))).state;
      expect(s.screenings[0]).toMatchObject({
        screeningId: screening.screeningId,
        list: { name: 'SDN', versionDate: '2025-03-01' },
      });
      expect(refusal(recordScreening(s, screening, at(T0)))).toMatchObject({
        code: 'DUPLICATE_SCREENING',
        noop: true,
      });
    });
  });
});
