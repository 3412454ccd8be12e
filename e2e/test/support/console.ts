import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { startTestStack, type TestStack } from './api';

/** What the browser specs share: the stack with console and demo data, Chromium, sign-in, screenshots. */

/** Screenshots land here (gitignored). */
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

export interface ConsoleStack extends TestStack {
  consoleUrl: string;
  browser: Browser;
}

/**
 * The whole stack with the console, seeded with the demo data as `npm start` seeds it unless
 * `seed` is false, and a browser; `stop` closes the browser first. `env` goes to every app
 * (e.g. the worker's incident scanner thresholds).
 */
export async function startConsoleStack(name: string, options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<ConsoleStack> {
  const started = await startTestStack(name, { withConsole: true, seed: options.seed ?? true, env: options.env });
  let browser: Browser | undefined;
  try {
    if (!started.stack.consoleUrl) throw new Error('the stack started without a console');
    browser = await launchBrowser();
    const launched = browser;
    return {
      ...started,
      consoleUrl: started.stack.consoleUrl,
      browser: launched,
      stop: async () => {
        await launched.close();
        await started.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    await started.stop();
    throw err;
  }
}

/** Debian's Chromium, headless, without the background traffic that slows a shared machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens the console's login page and signs in. With `role`, waits until the console shows
 * that role (a failed sign-in then times out); without, the caller checks the outcome.
 */
export async function loginInBrowser(page: Page, consoleUrl: string, email: string, password: string, role?: string): Promise<Page> {
  await page.goto(consoleUrl);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  if (role) await page.getByTestId('role').filter({ hasText: role }).waitFor();
  return page;
}

/**
 * A new German page signed in as the demo programme admin, at `viewport`; a crash in the
 * console shows in the test output, not only as a missing element.
 */
export async function signInAsProgrammeAdmin(env: ConsoleStack, viewport = { width: 1440, height: 1000 }): Promise<Page> {
  const page = await env.browser.newPage({ locale: 'de-DE', viewport });
  page.on('pageerror', (err) => console.error(`console page error: ${err.message}`));
  return loginInBrowser(page, env.consoleUrl, DEMO_ADMIN.email, DEMO_PASSWORD, 'Programmstelle (Administration)');
}

/** `shot(page, name)` saves a full-page screenshot as `<prefix>-<name>.png` in ARTIFACTS. */
export function screenshots(prefix: string): (page: Page, name: string) => Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return (page, name) => page.screenshot({ path: join(ARTIFACTS, `${prefix}-${name}.png`), fullPage: true });
}

/** Probes every second until `ok` holds; throws with the last value after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
