/**
 * The operators' dashboard in a real browser (Debian's chromium driven by
 * playwright-core) against a real coordinator on the test nats-server and
 * database. Events are published on the bus the way an agency's system
 * would, and the page must show them without a reload.
 *
 * Screenshots: test-artifacts/browser/ (one at each scenario's key step and
 * one at the end of every test, passed or failed).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
  formatMarking,
  highWaterMark,
  MESSAGES,
  parseMarking,
  type ConsultationOpenedV1,
  type PayloadOf,
} from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import {
  authHeader,
  startHttpService,
  TestBus,
  testEnv,
  testOperators,
  urlOf,
  waitFor,
} from '@icb/testing';
import { CoordinatorModule } from '../../apps/coordinator/src/app.module';
import { Clock, FakeClock } from '../../apps/coordinator/src/time/clock';

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts', 'browser');
/** How long the page may take to show something (it reacts within a second). */
const UI_TIMEOUT_MS = 15_000;

type Who = 'officer' | 'viewer' | 'uncleared';

let app: NestExpressApplication | undefined;
let bus: TestBus | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let baseUrl = '';
let page: Page;

/** A consultation opened by State/PM: an FMS case unless told. */
function aConsultation(overrides: Partial<ConsultationOpenedV1>): PayloadOf<'consultation.opened'> {
  const base = validPayload('consultation.opened');
  return {
    ...base,
    consultationId: randomUUID(),
    reference: `REF-${randomUUID().slice(0, 8)}`,
    clearingParties: undefined,
    requestedAt: undefined,
    ...overrides,
  };
}

/** State/PM opens a consultation on the bus (publishing the same event id again has no effect). */
async function open(payload: PayloadOf<'consultation.opened'>, id?: string): Promise<void> {
  if (!bus) throw new Error('no bus');
  await bus.publishAs('state-pm', 'consultation.opened', payload, { id });
}

function shot(name: string): Promise<Buffer> {
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until `locator` has a text matching `expected`, then asserts it (so a failure shows the text). */
async function expectText(locator: Locator, expected: RegExp): Promise<void> {
  await locator
    .filter({ hasText: expected })
    .first()
    .waitFor({ timeout: UI_TIMEOUT_MS })
    .catch(() => undefined);
  expect((await locator.first().textContent({ timeout: 1_000 }))?.trim()).toMatch(expected);
}

const banners = (): Locator => page.locator('.classification-banner');
const heading = (): Locator => page.locator('main h1');
const focused = (): Locator => page.locator(':focus');
const row = (title: string): Locator =>
  page.locator('#consultations-table tbody tr', { hasText: title });

/** Both banners read `marking`, with the colour of its level. */
async function expectBanner(marking: string, level: string): Promise<void> {
  const exact = new RegExp(`^${marking.replace(/[/]/g, '\\/')}$`);
  await expectText(page.locator('#banner-top'), exact);
  expect(await banners().allTextContents()).toEqual([marking, marking]);
  expect(await Promise.all([0, 1].map((i) => banners().nth(i).getAttribute('data-level')))).toEqual(
    [level, level],
  );
}

/** Signs in through the form, as an operator would. */
async function signIn(who: Who): Promise<void> {
  const credential = testOperators()[who];
  await page.locator('main h1', { hasText: 'Sign in' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByLabel('User name').fill(credential.username);
  await page.getByLabel('Password').fill(credential.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .locator('[data-testid="user"]', { hasText: `Test ${who}` })
    .waitFor({ timeout: UI_TIMEOUT_MS });
}

/** A fresh page signed in as `who` (cookies cleared first). */
async function freshPage(who: Who, hash = '#/'): Promise<void> {
  if (!context) throw new Error('no browser');
  await context.clearCookies();
  await page.close();
  page = await context.newPage();
  await page.goto(`${baseUrl}/${hash}`);
  await signIn(who);
  await waitLive();
}

async function waitLive(): Promise<void> {
  await expectText(page.locator('#connection'), /Live/);
}

const ALPHA = `Alpha ${randomUUID().slice(0, 6)} - Training ammunition`;
const BRAVO = `Bravo ${randomUUID().slice(0, 6)} - Guidance sections`;
const bravo = aConsultation({
  title: BRAVO,
  classification: 'SECRET//NOFORN',
  precedence: 'FLASH',
});
const alpha = aConsultation({
  title: ALPHA,
  kind: 'security-cooperation',
  classification: 'UNCLASSIFIED',
  precedence: 'ROUTINE',
});

/** Publishes a message the coordinator cannot read, and waits until it is dead-lettered. */
async function aDeadLetter(): Promise<void> {
  const marker = randomUUID();
  await bus?.publishEnvelope('icb.evt.state-pm.consultation.opened.v1', {
    not: 'an envelope',
    marker,
  });
  await waitFor(
    async () => {
      const res = await fetch(`${baseUrl}/dead-letters`, { headers: authHeader('officer') });
      const body = (await res.json()) as { items: { record: { data: string } }[] };
      return body.items.some((e) => e.record.data.includes(marker));
    },
    { description: 'the dead letter' },
  );
}

/** The ids of the events that make the shared data, so a test run alone can publish them again. */
const EVENT = {
  alpha: randomUUID(),
  bravo: randomUUID(),
  dodSignOff: randomUUID(),
  nscNonConcur: randomUUID(),
};
const DOD_CONDITION = `Anti-tamper protection ${randomUUID().slice(0, 6)}`;

async function dodConcursWithConditions(): Promise<void> {
  await bus?.publishAs(
    'dod',
    'signoff.submitted',
    {
      ...validPayload('signoff.submitted'),
      consultationId: bravo.consultationId,
      agency: 'dod',
      revision: 1,
      decision: 'concur-with-conditions',
      conditions: [{ id: 'DOD-AT-1', text: DOD_CONDITION, category: 'technology-security' }],
    },
    { id: EVENT.dodSignOff },
  );
}

async function nscNonConcurs(): Promise<void> {
  await bus?.publishAs(
    'nsc',
    'signoff.submitted',
    {
      ...validPayload('signoff.submitted'),
      consultationId: bravo.consultationId,
      agency: 'nsc',
      revision: 1,
      decision: 'non-concur',
      conditions: undefined,
      rationale: 'Regional balance concerns.',
    },
    { id: EVENT.nscNonConcur },
  );
}

/**
 * The data the later scenarios read: Alpha (unclassified, awaiting DoD and
 * NSC) and Bravo (SECRET//NOFORN, FLASH, escalated after NSC's
 * non-concurrence). The earlier scenarios publish the same events while the
 * page watches; publishing them again changes nothing.
 */
async function seed(): Promise<void> {
  await open(alpha, EVENT.alpha);
  await open(bravo, EVENT.bravo);
  await dodConcursWithConditions();
  await nscNonConcurs();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const env = testEnv({ CLOCK_TICK_MS: '0' });
  app = await startHttpService(
    CoordinatorModule.forRoot({ env, messaging: { backoffMs: [50, 100, 200], ackWaitMs: 2_000 } }),
    'Coordinator',
    [[Clock, new FakeClock(new Date())]],
  );
  baseUrl = urlOf(app);
  bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  userDataDir = mkdtempSync(join(tmpdir(), 'icb-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1400, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterEach(async () => {
  const name = (expect.getState().currentTestName ?? 'test')
    .replace(/[^a-z0-9]+/gi, '-')
    .slice(0, 100);
  await shot(`end-${name}`).catch(() => undefined);
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await bus?.close();
  await app?.close();
});

describe('the operators’ dashboard', () => {
  it('is served at / with a strict content security policy and only its own assets', async () => {
    const requests: string[] = [];
    const violations: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.locator('main h1', { hasText: 'Sign in' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(requests.filter((url) => !url.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('signs an operator in through the form, after refusing a wrong password', async () => {
    await context?.clearCookies();
    await page.goto(`${baseUrl}/`);
    await page.locator('main h1', { hasText: 'Sign in' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByLabel('User name').fill('officer');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), /wrong user name or password/i);
    expect(await page.locator('#nav').isHidden()).toBe(true);

    await signIn('officer');
    await expectText(heading(), /^Overview$/);
    await waitLive();
    expect(await page.locator('[data-testid="user"]').textContent()).toContain('TOP SECRET');
    await shot('01-signed-in-overview');
  });

  it('shows a consultation opened on the bus without a reload, and raises the banner to its marking', async () => {
    await freshPage('officer', '#/consultations');
    await expectText(heading(), /^Consultations$/);
    await page.evaluate('window.notReloaded = true');
    await expectBanner('UNCLASSIFIED', 'u');

    await open(alpha, EVENT.alpha);
    await row(ALPHA).waitFor({ timeout: UI_TIMEOUT_MS });
    await expectText(page.locator('#announcer'), new RegExp(`New consultation: ${ALPHA}`));
    await expectBanner('UNCLASSIFIED', 'u');

    await open(bravo, EVENT.bravo);
    await row(BRAVO).waitFor({ timeout: UI_TIMEOUT_MS });
    await expectText(page.locator('#announcer'), new RegExp(`New consultation: ${BRAVO}`));
    await expectBanner('SECRET//NOFORN', 's');
    expect(await row(BRAVO).locator('.marking').textContent()).toBe('SECRET//NOFORN');
    expect(await row(BRAVO).locator('.precedence').textContent()).toBe('FLASH');

    expect(await page.evaluate('window.notReloaded')).toBe(true);
    await shot('02-live-table');
  });

  it('opens a consultation’s detail and refreshes it live: sign-offs with conditions, escalation ladder', async () => {
    await open(bravo, EVENT.bravo);
    await freshPage('officer', '#/consultations');
    await row(BRAVO).getByRole('link').click();
    await expectText(heading(), new RegExp(BRAVO));
    await expectBanner('SECRET//NOFORN', 's');
    await expectText(page.locator('#detail-timeline'), /consultation\.opened/);
    await expectText(page.locator('#detail-congress'), /Notification required/);
    await expectText(page.locator('#detail-sign-offs'), /No sign-off yet/);

    await dodConcursWithConditions();
    await expectText(page.locator('#detail-sign-offs'), new RegExp(DOD_CONDITION));
    await expectText(page.locator('#detail-sign-offs'), /DoD: Concur with conditions/);
    await expectText(page.locator('#detail-timeline'), /signoff\.submitted/);

    await nscNonConcurs();
    const current = page.locator('#detail-escalation [aria-current="step"]');
    await current.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await current.textContent()).toMatch(/here now/);
    await expectText(page.locator('main .facts .status'), /Escalated/);
    await shot('03-detail-escalated');
  });

  it('applies the filters through the API’s query parameters and keeps them in the address', async () => {
    await seed();
    await freshPage('officer', '#/consultations');
    await row(ALPHA).waitFor({ timeout: UI_TIMEOUT_MS });

    const escalated = page.waitForRequest(
      (r) =>
        r.url().includes('/consultations?') &&
        new URL(r.url()).searchParams.get('status') === 'escalated',
    );
    await page.getByLabel('Status').selectOption('escalated');
    await escalated;
    await expectText(page.locator('#result-count'), /Showing 1–1 of 1 consultation$/);
    expect(await row(BRAVO).count()).toBe(1);
    expect(await row(ALPHA).count()).toBe(0);
    expect(page.url()).toContain('status=escalated');
    await expectBanner('SECRET//NOFORN', 's');

    // Only the unclassified one in view: the banner comes down with it.
    await page.getByLabel('Status').selectOption('');
    const searched = page.waitForRequest(
      (r) =>
        r.url().includes('/consultations?') && new URL(r.url()).searchParams.get('q') === 'Alpha',
    );
    await page.getByLabel(/^Search/).fill('Alpha');
    await searched;
    await expectText(page.locator('#result-count'), /of 1 consultation$/);
    expect(await row(ALPHA).count()).toBe(1);
    await expectBanner('UNCLASSIFIED', 'u');

    const kind = page.waitForRequest(
      (r) =>
        r.url().includes('/consultations?') &&
        new URL(r.url()).searchParams.get('kind') === 'fms-case',
    );
    await page.getByLabel('Kind').selectOption('fms-case');
    await kind;
    await expectText(page.locator('#result-count'), /No consultation matches/);
    await shot('04-filtered');
  });

  it('is usable from the keyboard: sortable headers are buttons with aria-sort, arrows move between rows', async () => {
    await seed();
    await freshPage('officer', '#/consultations');
    await row(BRAVO).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByLabel(/^Search/).focus();

    // Tab from the search box reaches the Precedence sort button.
    const tabTo = async (predicate: string): Promise<void> => {
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(predicate)) return;
      }
      throw new Error(`Tab never reached ${predicate}`);
    };
    await tabTo(`document.activeElement?.dataset?.sort === 'precedence'`);
    const th = page.locator('th', { has: page.locator('button[data-sort="precedence"]') });
    expect(await th.getAttribute('aria-sort')).toBe('none');

    const sorted = page.waitForRequest((r) => {
      const q = new URL(r.url()).searchParams;
      return (
        r.url().includes('/consultations?') &&
        q.get('sort') === 'precedence' &&
        q.get('order') === 'asc'
      );
    });
    await page.keyboard.press('Enter');
    await sorted;
    await page
      .locator('th[aria-sort="ascending"] button[data-sort="precedence"]')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    // The focus stays on the button after the table is redrawn.
    expect(await focused().getAttribute('data-sort')).toBe('precedence');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    // FLASH first.
    expect(await page.locator('#consultations-table tbody tr').first().textContent()).toContain(
      BRAVO,
    );

    await page.keyboard.press('Space');
    await page
      .locator('th[aria-sort="descending"] button[data-sort="precedence"]')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await page
      .locator('#consultations-table tbody tr')
      .first()
      .filter({ hasText: ALPHA })
      .waitFor({ timeout: UI_TIMEOUT_MS });

    await tabTo(`document.activeElement?.classList?.contains('row-link')`);
    expect(await focused().textContent()).toContain(ALPHA);
    await page.keyboard.press('ArrowDown');
    expect(await focused().textContent()).toContain(BRAVO);
    await page.keyboard.press('ArrowUp');
    expect(await focused().textContent()).toContain(ALPHA);
    await page.keyboard.press('End');
    expect(await focused().textContent()).toContain(BRAVO);
    await shot('05-keyboard');
    await page.keyboard.press('Enter');
    await expectText(heading(), new RegExp(BRAVO));
    // The focus moves to the new page's heading.
    expect(await page.locator('main h1:focus').count()).toBe(1);
  });

  it('shows the overview: counts by status and line of business, escalated matters, closest clocks', async () => {
    await seed();
    await freshPage('officer', '#/');
    await expectText(heading(), /^Overview$/);
    await expectText(page.locator('#overview-escalated'), new RegExp(BRAVO));
    const byKind = page.locator('table.counts', { hasText: 'By line of business' });
    await expectText(byKind.locator('tr', { hasText: 'Security cooperation' }), /1$/);
    await expectText(page.locator('#overview-clocks'), /Review|Acknowledgement|Escalation/);
    // An acknowledgement is due within hours: counted in hours, not as "1 day left".
    await expectText(
      page.locator('#overview-clocks tr', { hasText: 'Acknowledgement' }).first(),
      /\d+ h \d+ min left/,
    );
    await expectBanner('SECRET//NOFORN', 's');
    await shot('06-overview');
  });

  it('lists dead letters with replay and discard for an action officer', async () => {
    await aDeadLetter();
    await freshPage('officer', '#/dead-letters');
    await expectText(heading(), /^Dead letters$/);
    const entry = page.locator('#dead-letters-table tbody tr', { hasText: 'INVALID_MESSAGE' });
    await entry.first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(
      await entry
        .first()
        .getByRole('button', { name: /^Replay/ })
        .count(),
    ).toBe(1);
    expect(
      await entry
        .first()
        .getByRole('button', { name: /^Discard/ })
        .count(),
    ).toBe(1);
    await shot('07-dead-letters-officer');
  });

  it('withholds what is above the viewer’s clearance without raising the banner, and offers no replay to a viewer', async () => {
    await seed();
    await freshPage('uncleared', '#/consultations');
    await row(ALPHA).waitFor({ timeout: UI_TIMEOUT_MS });
    const hidden = page.locator('#consultations-table tbody tr', {
      has: page.locator('.marking', { hasText: 'SECRET//NOFORN' }),
    });
    await hidden.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await hidden.locator('th').textContent()).toBe('Withheld: above your clearance');
    expect(await page.locator('#consultations-table').textContent()).not.toContain(BRAVO);
    await expectBanner('UNCLASSIFIED', 'u');

    await hidden.getByRole('link').click();
    await expectText(heading(), /^Withheld: above your clearance$/);
    await expectText(page.locator('.withheld-notice'), /Withheld/);
    await expectText(page.locator('#detail-timeline'), /consultation\.opened/);
    expect(await page.locator('main').textContent()).not.toContain(BRAVO);
    await expectBanner('UNCLASSIFIED', 'u');
    await shot('08-withheld');

    await aDeadLetter();
    await page.goto(`${baseUrl}/#/dead-letters`);
    await expectText(page.locator('main'), /Read only/);
    await page.locator('#dead-letters-table').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByRole('button', { name: /^Replay/ }).count()).toBe(0);
  });

  it('shows the queue of each agency: what awaits its answer', async () => {
    await seed();
    await freshPage('viewer', '#/queues');
    await expectText(heading(), /^Queue: DoD$/);
    await page.locator('.tabs').getByRole('link', { name: 'NSC' }).click();
    await expectText(heading(), /^Queue: NSC$/);
    expect(await page.locator('.tabs a[aria-current="page"]').textContent()).toBe('NSC');
    // Alpha awaits NSC; Bravo, escalated after NSC's non-concurrence, does not.
    await expectText(page.locator('#queue-table tbody'), new RegExp(ALPHA));
    expect(await page.locator('#queue-table').textContent()).not.toContain(BRAVO);
    await expectBanner('UNCLASSIFIED', 'u');
  });

  it('returns to the sign-in form when the session ends', async () => {
    await freshPage('viewer', '#/');
    await expectText(heading(), /^Overview$/);
    await context?.clearCookies();
    await page.getByRole('link', { name: 'Consultations' }).first().click();
    await expectText(heading(), /^Sign in$/);
    await expectText(page.locator('main'), /session has ended/);
    expect(await page.locator('#nav').isHidden()).toBe(true);
  });

  it('shows the connection state and reconnects when the event stream fails', async () => {
    if (!context) throw new Error('no browser');
    await context.clearCookies();
    await page.close();
    page = await context.newPage();
    await page.route('**/events', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(`${baseUrl}/#/consultations`);
    await signIn('officer');
    await expectText(page.locator('#connection'), /Reconnecting/);
    await page.unroute('**/events');
    await waitLive();
    // Live again: a new consultation still appears.
    const charlie = aConsultation({ title: `Charlie ${randomUUID().slice(0, 6)}` });
    await open(charlie);
    await row(charlie.title).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('computes the banner as the contracts library does, and listens to every message of the catalog', async () => {
    await page.goto(`${baseUrl}/`);
    const cases: string[][] = [
      [],
      ['UNCLASSIFIED'],
      ['UNCLASSIFIED', 'CUI//SP-EXPT//NOFORN'],
      ['CUI//SP-EXPT', 'CUI//PRVCY'],
      ['CONFIDENTIAL', 'SECRET//NOFORN'],
      ['SECRET//ORCON/NOFORN', 'CONFIDENTIAL//REL TO USA, GBR'],
      ['SECRET//REL TO USA, AUS, GBR', 'CONFIDENTIAL//REL TO USA, GBR'],
      ['SECRET//REL TO USA, AUS', 'SECRET//REL TO USA, GBR'],
      ['TOP SECRET', 'SECRET//NOFORN', 'UNCLASSIFIED'],
      ['SECRET//REL TO USA, GBR', 'SECRET'],
    ];
    // A string, not a function: the test build would turn import() into require().
    const script = `(async () => {
      const [classification, vocab] = await Promise.all([
        import('/dashboard/classification.js'),
        import('/dashboard/vocab.js'),
      ]);
      const cases = ${JSON.stringify(cases)};
      return { banners: cases.map((c) => classification.highWaterMark(c)), names: vocab.MESSAGE_NAMES };
    })()`;
    const inBrowser = await page.evaluate<{ banners: string[]; names: string[] }>(script);
    expect(inBrowser.banners).toEqual(
      cases.map((c) => formatMarking(highWaterMark(c.map((b) => parseMarking(b))))),
    );
    expect([...inBrowser.names].sort()).toEqual(Object.keys(MESSAGES).sort());
  });
});
