import type { Page } from 'playwright-core';

/** What the keyboard's focus is on, as the browser sees it. */
export interface Focus {
  /** Tag, role, accessible text and test id, for a readable trail. */
  label: string;
  tag: string;
  role: string | null;
  name: string;
  testId: string | null;
  /** Not on the page's body: something has the focus. */
  focused: boolean;
  /** Laid out, in the viewport, not hidden by CSS, opacity, aria-hidden or inert, not clipped to a pixel. */
  visible: boolean;
  /** Why not visible, or why no indicator: empty when both hold. */
  problem: string;
  inMain: boolean;
  inDialog: boolean;
}

/**
 * The focused element and whether a person sees where the focus is: a computed outline or
 * box-shadow on it. MUI hides a radio's or checkbox's native input (opacity 0) and draws the
 * control around it: there the control (the input's ButtonBase parent) is what must show both.
 */
export function focusNow(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) {
      return { label: 'body', tag: 'body', role: null, name: '', testId: null, focused: false, visible: false, problem: 'nothing has the focus', inMain: false, inDialog: false };
    }
    const nativeToggle = el.matches('input[type="radio"], input[type="checkbox"]') && el.parentElement?.classList.contains('MuiButtonBase-root');
    const target = nativeToggle ? el.parentElement! : el;
    const rect = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    const checkVisibility = (target as unknown as { checkVisibility(o: object): boolean }).checkVisibility.bind(target);
    const problems: string[] = [];
    if (!checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true })) problems.push('hidden (display, visibility or opacity)');
    if (rect.width < 2 || rect.height < 2) problems.push(`clipped to ${rect.width}x${rect.height}`);
    if (target.closest('[aria-hidden="true"], [inert]')) problems.push('inside aria-hidden or inert');
    if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= window.innerHeight || rect.left >= window.innerWidth) problems.push(`outside the viewport at ${Math.round(rect.left)},${Math.round(rect.top)}`);
    const visible = problems.length === 0;
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    if (!outline && !shadow) problems.push('no focus indicator (outline and box-shadow none)');
    // textContent, not innerText: MUI writes buttons and tabs in capitals through CSS.
    const name = (el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || '').replace(/\s+/g, ' ').trim().slice(0, 80);
    const role = el.getAttribute('role');
    const testId = el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
    return {
      label: `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''} „${name}“${testId ? ` (${testId})` : ''}`,
      tag: el.tagName.toLowerCase(),
      role,
      name,
      testId,
      focused: true,
      visible,
      problem: problems.join('; '),
      inMain: !!el.closest('#main-content'),
      inDialog: !!el.closest('[role="dialog"]'),
    };
  });
}

/** Waits (generously: transitions, a loaded machine) until the focus satisfies `ok`; fails with the trail. */
export async function expectFocus(page: Page, ok: (f: Focus) => boolean, what: string, trail: string[], timeoutMs = 30_000): Promise<Focus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const f = await focusNow(page);
    if (ok(f)) return f;
    if (Date.now() > deadline) throw new Error(`focus is not ${what}: it is on ${f.label}${f.problem ? ` – ${f.problem}` : ''}\ntrail:\n  ${trail.slice(-25).join('\n  ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The focus is on something a person sees, with a visible indicator. */
export const seen = (f: Focus) => f.focused && f.problem === '';

/**
 * Presses Tab (or Shift+Tab) until the focus is where `target` says, at most `max` times;
 * after every press the focus must be on a visible element with a visible indicator.
 */
export async function tabTo(page: Page, target: (f: Focus) => boolean, what: string, trail: string[], options: { back?: boolean; max?: number } = {}): Promise<Focus> {
  const max = options.max ?? 80;
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await expectFocus(page, seen, `on a visible element with a focus indicator (press ${i} towards ${what})`, trail);
    trail.push(`${options.back ? '⇧Tab' : 'Tab'} → ${f.label}`);
    if (target(f)) return f;
  }
  throw new Error(`${what} not reached in ${max} presses of ${options.back ? 'Shift+Tab' : 'Tab'}\ntrail:\n  ${trail.slice(-30).join('\n  ')}`);
}

/** Presses a key and records it; the caller says what must hold afterwards. */
export async function press(page: Page, key: string, trail: string[]): Promise<void> {
  await page.keyboard.press(key);
  trail.push(key);
}
