import {
  type NotificationEvent,
  type NotificationState,
  type SaleValues,
  countryGroup,
  initialNotificationState,
  isNatoMember,
  nextNotificationState,
  requiresNotification,
  reviewPeriodDays,
} from './congressional-notification.policy';
import { NoEffectivePolicyError } from './effective-dated';

const TODAY = '2025-06-01';
const M = 1_000_000;

const mde = (usd: number): SaleValues => ({ 'major-defense-equipment': usd });
const articles = (usd: number): SaleValues => ({ 'defense-articles-services': usd });
const dc = (usd: number): SaleValues => ({ 'design-construction': usd });

describe('AECA §36(b) thresholds', () => {
  it.each([
    // NATO+5, each column at, just below
    ['JPN', mde(25 * M), true, 'a $25M MDE sale to Japan requires notification'],
    ['JPN', mde(25 * M - 1), false, '$24,999,999 of MDE to Japan does not'],
    [
      'GBR',
      articles(100 * M),
      true,
      '$100M of articles and services to the UK requires notification',
    ],
    [
      'GBR',
      articles(100 * M - 1),
      false,
      '$99,999,999 of articles and services to the UK does not',
    ],
    [
      'AUS',
      dc(300 * M),
      true,
      '$300M of design and construction for Australia requires notification',
    ],
    [
      'AUS',
      dc(300 * M - 1),
      false,
      '$299,999,999 of design and construction for Australia does not',
    ],
    ['NATO', mde(25 * M), true, 'NATO itself is in the favoured group: $25M MDE'],
    ['NATO', mde(25 * M - 1), false, 'NATO itself below $25M MDE'],
    // other countries
    ['SAU', mde(14 * M), true, 'a $14M MDE sale to Saudi Arabia requires notification'],
    ['SAU', mde(14 * M - 1), false, '$13,999,999 of MDE to Saudi Arabia does not'],
    ['IND', articles(50 * M), true, '$50M of articles and services to India requires notification'],
    ['IND', articles(50 * M - 1), false, '$49,999,999 of articles and services to India does not'],
    ['EGY', dc(200 * M), true, '$200M of design and construction for Egypt requires notification'],
    ['EGY', dc(200 * M - 1), false, '$199,999,999 of design and construction for Egypt does not'],
  ])('%s: %s', (recipient, values, required) => {
    expect(requiresNotification(recipient, values, TODAY).required).toBe(required);
  });

  it('MDE counts towards the articles-and-services line: $20M MDE + $80M other articles to Japan is $100M', () => {
    const result = requiresNotification(
      'JPN',
      { 'major-defense-equipment': 20 * M, 'defense-articles-services': 80 * M },
      TODAY,
    );
    expect(result).toMatchObject({ required: true, triggeredBy: ['defense-articles-services'] });
    expect(result.tested['defense-articles-services']).toBe(100 * M);
  });

  it('design and construction does not count towards the articles-and-services line', () => {
    const result = requiresNotification(
      'IND',
      { 'defense-articles-services': 40 * M, 'design-construction': 20 * M },
      TODAY,
    );
    expect(result.required).toBe(false);
  });

  it('reports every column at or above its line', () => {
    expect(
      requiresNotification('BRA', { 'major-defense-equipment': 60 * M }, TODAY).triggeredBy,
    ).toEqual(['major-defense-equipment', 'defense-articles-services']);
  });

  it('a sale with no values needs no notification', () => {
    expect(requiresNotification('BRA', {}, TODAY).required).toBe(false);
  });

  it('refuses a negative value and a lower-case country code', () => {
    expect(() => requiresNotification('BRA', mde(-1), TODAY)).toThrow(RangeError);
    expect(() => requiresNotification('jpn', mde(1), TODAY)).toThrow(RangeError);
  });

  it('asking about a sale before the table starts is an error, not a guess', () => {
    expect(() => requiresNotification('JPN', mde(20 * M), '2001-01-01')).toThrow(
      NoEffectivePolicyError,
    );
  });

  it.each([
    ['JPN', 15],
    ['DEU', 15],
    ['NATO', 15],
    ['ISR', 15],
    ['NZL', 15],
    ['KOR', 15],
    ['SAU', 30],
    ['IND', 30],
  ])('the formal review period for %s is %i calendar days', (recipient, days) => {
    expect(reviewPeriodDays(recipient, TODAY)).toBe(days);
  });
});

describe('§36(b) group membership over time', () => {
  it.each([
    ['KOR', '2008-10-14', 'other', 'South Korea was "other" before P.L. 110-429'],
    ['KOR', '2008-10-15', 'nato-plus-5', 'South Korea counts as NATO+5 from 2008-10-15'],
    ['ISR', '2010-10-07', 'other', 'Israel was "other" before P.L. 111-266'],
    ['ISR', '2010-10-08', 'nato-plus-5', 'Israel counts as NATO+5 from 2010-10-08'],
    ['FIN', '2023-04-03', 'other', 'Finland was not in NATO the day before it joined'],
    ['FIN', '2023-04-04', 'nato-plus-5', 'Finland joined NATO on 2023-04-04'],
    ['SWE', '2024-03-06', 'other', 'Sweden was not in NATO the day before it joined'],
    ['SWE', '2024-03-07', 'nato-plus-5', 'Sweden joined NATO on 2024-03-07'],
    ['MKD', '2020-03-27', 'nato-plus-5', 'North Macedonia joined on 2020-03-27'],
    ['UKR', TODAY, 'other', 'Ukraine is not a NATO member'],
  ])('%s on %s is %s (%s)', (recipient, asOf, group) => {
    expect(countryGroup(recipient, asOf)).toBe(group);
  });

  it('a $20M MDE sale to South Korea needed notification before 2008-10-15 and not after', () => {
    expect(requiresNotification('KOR', mde(20 * M), '2008-10-14').required).toBe(true);
    expect(requiresNotification('KOR', mde(20 * M), '2008-10-15').required).toBe(false);
    expect(reviewPeriodDays('KOR', '2008-10-14')).toBe(30);
  });

  it('a $20M MDE sale to Sweden needed notification on 2024-03-06 and not on 2024-03-07', () => {
    expect(requiresNotification('SWE', mde(20 * M), '2024-03-06').required).toBe(true);
    expect(requiresNotification('SWE', mde(20 * M), '2024-03-07').required).toBe(false);
  });

  it('NATO has 32 members today and had 30 on 2023-01-01', () => {
    const members = (asOf: string) =>
      [
        'USA',
        'GBR',
        'FRA',
        'DEU',
        'ITA',
        'CAN',
        'BEL',
        'NLD',
        'LUX',
        'DNK',
        'NOR',
        'ISL',
        'PRT',
        'GRC',
        'TUR',
        'ESP',
        'CZE',
        'HUN',
        'POL',
        'BGR',
        'EST',
        'LVA',
        'LTU',
        'ROU',
        'SVK',
        'SVN',
        'ALB',
        'HRV',
        'MNE',
        'MKD',
        'FIN',
        'SWE',
      ].filter((c) => isNatoMember(c, asOf)).length;
    expect(members(TODAY)).toBe(32);
    expect(members('2023-01-01')).toBe(30);
  });
});

describe('the notification steps', () => {
  const T0 = '2025-05-01T14:00:00Z';
  const step = (state: NotificationState, event: NotificationEvent): NotificationState => {
    const result = nextNotificationState(state, event);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    return result.state;
  };
  const awaiting = initialNotificationState({ required: true });
  const informal = step(awaiting, { type: 'informal-notice-sent', at: T0 });
  const held = step(informal, {
    type: 'hold-placed',
    holdId: 'h1',
    by: 'SFRC ranking member',
    at: T0,
  });
  const formal = step(informal, {
    type: 'formal-notice-sent',
    at: '2025-05-10T09:00:00Z',
    reviewPeriodDays: 30,
  });
  const waived = step(informal, {
    type: 'emergency-waiver-certified',
    at: T0,
    justification: 'an emergency exists that requires the sale in the national security interest',
  });
  const cleared = step(formal, { type: 'review-period-ended', at: '2025-06-10T00:00:00Z' });
  const disapproved = step(formal, { type: 'joint-resolution-of-disapproval', at: T0 });
  const notRequired = initialNotificationState({ required: false });

  it('a sale below every threshold starts not-required; one above waits for informal notice', () => {
    expect(notRequired.step).toBe('not-required');
    expect(awaiting.step).toBe('awaiting-informal');
  });

  it('formal notice after informal review with no holds starts a 30-day countdown', () => {
    expect(formal).toMatchObject({
      step: 'formal-review',
      formalNoticeAt: '2025-05-10T09:00:00.000Z',
      reviewEndsAt: '2025-06-09T23:59:59.999Z',
    });
  });

  it('a hold placed in informal review and lifted lets formal notice go', () => {
    expect(held.holds).toHaveLength(1);
    const lifted = step(held, { type: 'hold-lifted', holdId: 'h1', at: T0 });
    expect(lifted.holds).toHaveLength(0);
    expect(
      nextNotificationState(lifted, { type: 'formal-notice-sent', at: T0, reviewPeriodDays: 15 })
        .ok,
    ).toBe(true);
  });

  it('the offer may go out only after the whole review period', () => {
    expect(
      nextNotificationState(formal, { type: 'review-period-ended', at: '2025-06-09T23:59:59Z' }),
    ).toMatchObject({
      ok: false,
      code: 'REVIEW_PERIOD_NOT_ENDED',
    });
    expect(cleared).toMatchObject({
      step: 'cleared-for-offer',
      clearedBasis: 'review-period-ended',
    });
  });

  it('an emergency waiver with a justification clears the offer', () => {
    expect(waived.step).toBe('waived');
    expect(step(waived, { type: 'offer-cleared-under-waiver', at: T0 })).toMatchObject({
      step: 'cleared-for-offer',
      clearedBasis: 'emergency-waiver',
    });
  });

  it('a joint resolution during formal review disapproves the sale', () => {
    expect(disapproved.step).toBe('disapproved');
  });

  it.each<[string, NotificationState, NotificationEvent, string]>([
    [
      'formal notice while a hold is open',
      held,
      { type: 'formal-notice-sent', at: T0, reviewPeriodDays: 30 },
      'HOLD_OPEN',
    ],
    [
      'formal notice before informal notice',
      awaiting,
      { type: 'formal-notice-sent', at: T0, reviewPeriodDays: 30 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'a hold before informal notice',
      awaiting,
      { type: 'hold-placed', holdId: 'h', by: 'HFAC', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'a hold during formal review',
      formal,
      { type: 'hold-placed', holdId: 'h', by: 'HFAC', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'the same hold twice',
      held,
      { type: 'hold-placed', holdId: 'h1', by: 'HFAC', at: T0 },
      'DUPLICATE_HOLD',
    ],
    [
      'lifting a hold that is not open',
      informal,
      { type: 'hold-lifted', holdId: 'nope', at: T0 },
      'UNKNOWN_HOLD',
    ],
    [
      'lifting a hold outside informal review',
      formal,
      { type: 'hold-lifted', holdId: 'h1', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'informal notice twice',
      informal,
      { type: 'informal-notice-sent', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'a zero-day review period',
      informal,
      { type: 'formal-notice-sent', at: T0, reviewPeriodDays: 0 },
      'INVALID_REVIEW_PERIOD',
    ],
    [
      'the period ending before formal notice',
      informal,
      { type: 'review-period-ended', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'a waiver without justification',
      formal,
      { type: 'emergency-waiver-certified', at: T0, justification: '  ' },
      'WAIVER_JUSTIFICATION_REQUIRED',
    ],
    [
      'clearing under a waiver never certified',
      formal,
      { type: 'offer-cleared-under-waiver', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'a disapproval before formal notice',
      informal,
      { type: 'joint-resolution-of-disapproval', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'a disapproval after a waiver',
      waived,
      { type: 'joint-resolution-of-disapproval', at: T0 },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'a second waiver',
      waived,
      { type: 'emergency-waiver-certified', at: T0, justification: 'x' },
      'ILLEGAL_NOTIFICATION_STEP',
    ],
    [
      'anything once cleared for offer',
      cleared,
      { type: 'joint-resolution-of-disapproval', at: T0 },
      'NOTIFICATION_CLOSED',
    ],
    [
      'anything once disapproved',
      disapproved,
      { type: 'emergency-waiver-certified', at: T0, justification: 'x' },
      'NOTIFICATION_CLOSED',
    ],
    [
      'anything when not required',
      notRequired,
      { type: 'informal-notice-sent', at: T0 },
      'NOTIFICATION_NOT_REQUIRED',
    ],
  ])('refuses %s', (_name, state, event, code) => {
    const result = nextNotificationState(state, event);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.message).not.toBe('');
  });

  it('never mutates the state it is given', () => {
    const before = JSON.stringify(held);
    nextNotificationState(held, { type: 'hold-lifted', holdId: 'h1', at: T0 });
    expect(JSON.stringify(held)).toBe(before);
  });
});
