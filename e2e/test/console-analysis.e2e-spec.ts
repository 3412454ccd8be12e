import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ADMIN, DEMO_PASSWORD, ROOT } from '@genq/infra';
import type { Call } from './support/api';
import { loginInBrowser, screenshots, startConsoleStack, type ConsoleStack } from './support/console';

/**
 * The programme office's analysis and programme screens in a real browser against the whole
 * stack as `npm start` runs it: rate every criterion of a quarter and see the profile change,
 * read an intervention in German, edit a programme calendar (with the API's field errors
 * next to the inputs), and read and add catalogue versions. One stack for every case.
 * Screenshots of each screen land in e2e/test-artifacts/ (gitignored).
 */
jest.setTimeout(10 * 60_000);

const shot = screenshots('console-analysis');
const CATALOGUE = JSON.parse(readFileSync(join(ROOT, 'apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8'));

/** HF1 fully in place, HF2 not at all, HF3 and HF4 in between: strengths and weaknesses are unmistakable. */
const RATING_BY_FIELD: Record<string, number> = { HF1: 3, HF2: 0, HF3: 2, HF4: 1 };
const SCALE_DE = ['0 – nicht vorhanden', '1 – ansatzweise', '2 – weitgehend', '3 – vollständig'];

describe('console: analysis, programme calendar and catalogue versions', () => {
  let env: ConsoleStack;
  let api: Call;

  beforeAll(async () => {
    env = await startConsoleStack('console-analysis');
    api = env.apiAs(await env.login(DEMO_ADMIN.email));
  });

  afterAll(() => env?.stop());

  const signIn = async () => {
    const page = await env.browser.newPage({ locale: 'de-DE', viewport: { width: 1440, height: 1000 } });
    // A crash in the console shows in the test output, not only as a missing element.
    page.on('pageerror', (err) => console.error(`console page error: ${err.message}`));
    return loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
  };

  it('rates every criterion in the Analyse tab and shows the profile with strengths and weaknesses', async () => {
    const quarters = await api('GET', `/quarters?range=${encodeURIComponent('[0,99]')}`);
    expect(quarters.status).toBe(200);
    // A quarter in the development phase whose analysis is still open to ratings.
    let quarter: any;
    for (const q of quarters.body) {
      const analysis = await api('GET', `/quarters/${q.id}/analysis`);
      if (analysis.status === 200 && analysis.body.status !== 'submitted' && analysis.body.catalogueVersionId === 'genq-default@1.0.0') {
        quarter = q;
        break;
      }
    }
    expect(quarter).toBeDefined();
    const criteria: Array<{ id: string; field: string }> = CATALOGUE.actionFields.flatMap((af: any) => af.criteria.map((c: any) => ({ id: c.id, field: af.id })));

    const page = await signIn();
    await page.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show/analysis`);
    await page.getByTestId(`rating-${criteria[0]!.id}`).waitFor();
    await page.getByTestId('analysis-radar').waitFor();
    // Legible (issue 17): at least 400 px, a numbered scale and a legend.
    expect((await page.getByTestId('analysis-radar').boundingBox())!.width).toBeGreaterThanOrEqual(400);
    await page.getByTestId('radar-legend').getByText('Programm (Median)').waitFor();
    expect(await page.getByTestId('radar-scale').allTextContents()).toEqual(['0', '1', '2', '3']);
    await shot(page, '1-analysis-before');

    for (const c of criteria) {
      const row = page.getByTestId(`rating-${c.id}`);
      await row.getByRole('combobox').click();
      await page.getByRole('option', { name: SCALE_DE[RATING_BY_FIELD[c.field]!]!, exact: true }).click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      await row.getByLabel(`Belege ${c.id}`).fill(`Protokoll ${c.id}`);
    }
    await page.getByRole('button', { name: 'Bewertungen speichern' }).click();
    await page.getByText('Bewertungen gespeichert').waitFor();

    // The profile row of each action field shows the mean, and the chips its strong and weak criteria.
    const profile = page.getByTestId('analysis-profile');
    const hf1 = profile.locator('tbody tr').filter({ hasText: 'HF1 –' });
    const hf2 = profile.locator('tbody tr').filter({ hasText: 'HF2 –' });
    // Means in German number format.
    await hf1.getByText('3,00', { exact: true }).first().waitFor();
    await hf2.getByText('0,00', { exact: true }).first().waitFor();
    for (const c of criteria.filter((x) => x.field === 'HF1')) await hf1.getByText(c.id, { exact: true }).waitFor();
    for (const c of criteria.filter((x) => x.field === 'HF2')) await hf2.getByText(c.id, { exact: true }).waitFor();
    await page.getByTestId('radar-quarter').waitFor();
    // A point on every action field's axis: HF2's mean of 0 sits at the centre, but it is drawn.
    expect(await page.getByTestId('radar-point').count()).toBe(CATALOGUE.actionFields.length);
    await shot(page, '2-analysis-rated');

    // What the browser saved is what the API holds: every criterion, with its evidence.
    const ratings = await api('GET', `/quarters/${quarter.id}/ratings?range=${encodeURIComponent('[0,99]')}`);
    expect(ratings.body).toHaveLength(criteria.length);
    for (const c of criteria) {
      expect(ratings.body.find((r: any) => r.criterionId === c.id)).toMatchObject({ rating: RATING_BY_FIELD[c.field], evidence: `Protokoll ${c.id}` });
    }
    const api_profile = (await api('GET', `/quarters/${quarter.id}/profile`)).body;
    expect(api_profile.unrated).toEqual([]);
    expect(api_profile.actionFields.find((f: any) => f.actionFieldId === 'HF2').weaknesses).toHaveLength(criteria.filter((x) => x.field === 'HF2').length);

    // An intervention's summary reads in German, not in the process's English.
    const reminded = await api('POST', `/quarters/${quarter.id}/interventions`, { kind: 'remind_now', reason: 'Erinnerung aus dem Browsertest' });
    expect(reminded.status).toBe(200);
    expect(reminded.body.summary).toMatch(/^reminder for ".+" sent$/);
    await page.goto(`${env.consoleUrl}/#/quarters/${quarter.id}/show`);
    const list = page.getByTestId('intervention-list');
    await list.getByText(/Erinnerung für „.+“ versandt/).first().waitFor();
    await expect(list.getByText(/reminder for/).count()).resolves.toBe(0);
    await shot(page, '3-intervention-summary-de');
    await page.close();
  });

  it('edits a programme calendar in months and days, shows the API’s field errors, and saves', async () => {
    const programmes = await api('GET', '/programmes');
    const programme = programmes.body[0];
    expect(programme.calendar.reminders.before).toBe('P14D');

    const page = await signIn();
    await page.goto(`${env.consoleUrl}/#/programmes`);
    await page.locator('tbody tr').filter({ hasText: programme.name }).click();
    await page.getByTestId('calendar-steps').waitFor();
    await page.getByTestId('calendar-periods').getByText('14 Tage').first().waitFor();
    await shot(page, '4-programme-show');

    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByTestId('calendar-help').filter({ hasText: 'Laufende Quartiere behalten' }).waitFor();
    // A step key that appears twice passes the form, and the API's message lands next to that key, in German.
    const secondKey = page.locator('input[name="calendar.developmentPhase.steps.1.key"]');
    const original = await secondKey.inputValue();
    await secondKey.fill(programme.calendar.developmentPhase.steps[0].key);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`kommt doppelt vor („${programme.calendar.developmentPhase.steps[0].key}“).`).waitFor();
    await shot(page, '5-programme-edit-error');
    expect((await api('GET', `/programmes/${programme.id}`)).body.calendar).toEqual(programme.calendar);

    await secondKey.fill(original);
    await page.getByLabel('Erinnerung vor Fälligkeit: Tage').fill('21');
    await page.getByLabel('Dauer der Umsetzungsphase: Monate').fill('48');
    await shot(page, '6-programme-edit');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('calendar-periods').getByText('21 Tage').waitFor();
    await page.getByTestId('calendar-periods').getByText('48 Monate').first().waitFor();
    await shot(page, '7-programme-saved');

    const saved = (await api('GET', `/programmes/${programme.id}`)).body;
    expect(saved.calendar.reminders.before).toBe('P21D');
    expect(saved.calendar.implementationPhase.duration).toBe('P48M');
    // Everything else is stored as it was.
    expect({ ...saved.calendar, reminders: { ...saved.calendar.reminders, before: 'P14D' }, implementationPhase: { ...saved.calendar.implementationPhase, duration: programme.calendar.implementationPhase.duration } }).toEqual(programme.calendar);
    await page.close();
  });

  it('lists catalogue versions, shows one as tables, and adds a version, listing every problem of a bad one', async () => {
    const page = await signIn();
    await page.goto(`${env.consoleUrl}/#/catalogues`);
    const row = page.locator('tbody tr').filter({ hasText: '1.0.0' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(String(CATALOGUE.indicators.length));
    await shot(page, '8-catalogue-list');

    await row.click();
    await page.getByTestId('catalogue-details').waitFor();
    await page.getByTestId('catalogue-scale').getByText('vollständig').waitFor();
    await page.getByTestId('catalogue-thresholds').getByText('ab 2,5').waitFor();
    const first = CATALOGUE.indicators[0];
    const indicatorRow = page.getByTestId('catalogue-indicators').locator('tr').filter({ hasText: first.id });
    await indicatorRow.getByText(first.unit, { exact: true }).waitFor();
    await page.getByTestId(`action-field-${CATALOGUE.actionFields[0].id}`).getByText(CATALOGUE.actionFields[0].criteria[0].name).waitFor();
    await shot(page, '9-catalogue-show');

    await page.goto(`${env.consoleUrl}/#/catalogues/create`);
    const document = page.getByLabel('Katalogdokument (JSON)', { exact: false });
    await document.fill(JSON.stringify({ ...CATALOGUE, version: '1.1.0', weaknessThreshold: 3 }, null, 2));
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('catalogue-problems').getByText('muss unter der Schwelle für Stärken (strengthThreshold) liegen.', { exact: false }).waitFor();
    await shot(page, '10-catalogue-refused');

    await page.getByTestId('catalogue-file').setInputFiles({
      name: 'katalog-1.1.0.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...CATALOGUE, version: '1.1.0', title: 'Katalog 1.1.0' })),
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('catalogue-details').getByText('Katalog 1.1.0').waitFor();
    await shot(page, '11-catalogue-created');

    const versions = await api('GET', `/catalogues?sort=${encodeURIComponent('["version","ASC"]')}`);
    expect(versions.body.map((v: any) => v.id)).toEqual(['genq-default@1.0.0', 'genq-default@1.1.0']);
    expect(versions.headers.get('content-range')).toMatch(/\/2$/);
    await page.close();
  });
});
