import { planRelease, type AssessmentRequest } from './release-plan';

const consultation = { clearers: ['dod', 'nsc', 'cia', 'treasury'] as const };

const orcon = (patch: Partial<AssessmentRequest> = {}): AssessmentRequest => ({
  classification: 'SECRET//ORCON/NOFORN',
  orcon: true,
  noforn: true,
  approvedRecipients: ['nsc', 'state-pm'],
  ...patch,
});

describe('planRelease', () => {
  it('releases an ORCON assessment only to its approved recipients, in agency order', () => {
    expect(planRelease(orcon(), consultation)).toEqual({
      ok: true,
      recipients: ['state-pm', 'nsc'],
      approvedRecipients: ['state-pm', 'nsc'],
    });
  });

  it('refuses an ORCON assessment with no approved recipient', () => {
    const plan = planRelease(orcon({ approvedRecipients: [] }), consultation);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problems).toEqual([
      expect.stringMatching(/^approvedRecipients: .*at least one/),
    ]);
  });

  it('releases a non-ORCON assessment to every clearing agency and State/PM', () => {
    const plan = planRelease(
      { classification: 'SECRET//NOFORN', orcon: false, noforn: true, approvedRecipients: [] },
      { clearers: ['dod', 'treasury'] },
    );
    expect(plan).toMatchObject({ ok: true, recipients: ['state-pm', 'dod', 'treasury'] });
  });

  it('adds the approved recipients of a non-ORCON assessment, once each', () => {
    const plan = planRelease(
      { classification: 'SECRET', orcon: false, noforn: false, approvedRecipients: ['nsc', 'dod'] },
      { clearers: ['dod'] },
    );
    expect(plan).toMatchObject({ ok: true, recipients: ['state-pm', 'dod', 'nsc'] });
  });

  it.each([
    ['an unknown level', 'SUPER SECRET'],
    ['an empty banner', ''],
    ['ORCON on CUI', 'CUI//ORCON'],
  ])('refuses a classification that does not parse (%s)', (_what, classification) => {
    const plan = planRelease(orcon({ classification }), consultation);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problems[0]).toMatch(/^classification: /);
  });

  it('refuses a banner whose ORCON disagrees with the flag', () => {
    const plan = planRelease(orcon({ classification: 'SECRET//NOFORN' }), consultation);
    expect(!plan.ok && plan.problems).toEqual([expect.stringMatching(/lacks ORCON/)]);
  });

  it('refuses a banner whose NOFORN disagrees with the flag', () => {
    const plan = planRelease(orcon({ noforn: false }), consultation);
    expect(!plan.ok && plan.problems).toEqual([expect.stringMatching(/carries NOFORN/)]);
  });

  it('lists every problem at once', () => {
    const plan = planRelease(
      orcon({ classification: 'SECRET', approvedRecipients: [] }),
      consultation,
    );
    expect(!plan.ok && plan.problems).toHaveLength(3);
  });
});
