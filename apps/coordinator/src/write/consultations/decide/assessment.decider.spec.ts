import { recordAssessment } from './assessment.decider';
import { ok, named, at, CONSULTATION_ID, T0, anFmsCase, open } from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('screening and intelligence', () => {
    it('an assessment is recorded from its content-free announcement, tear line not stored', () => {
      const tearLine = 'TEAR-LINE-MARKER';
      const change = ok(
        recordAssessment(
          open(anFmsCase()),
          {
            consultationId: CONSULTATION_ID,
            assessmentId: '0b7f3c1e-9d2a-4e5b-a6c7-d8e9f0a1b2c3',
            title: 'Diversion risk',
            classification: 'SECRET//NOFORN',
            disseminationControls: {
              orcon: true,
              noforn: true,
              approvedRecipients: ['state-pm', 'nsc'],
            },
            summaryForUnauthorized: tearLine,
          },
          at(T0),
        ),
      );
      expect(named(change, 'intel.assessment-available')).toEqual([
        {
          consultationId: CONSULTATION_ID,
          assessmentId: '0b7f3c1e-9d2a-4e5b-a6c7-d8e9f0a1b2c3',
          classification: 'SECRET//NOFORN',
          originator: 'cia',
        },
      ]);
      expect(JSON.stringify(change.state)).not.toContain(tearLine);
      expect(change.state.assessments[0]).toMatchObject({
        orcon: true,
        approvedRecipients: ['state-pm', 'nsc'],
      });
    });
  });
});
