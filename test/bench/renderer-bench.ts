// Renderer benchmark: gzip sizes of the built JavaScript in dist/renderer (initial versus lazy),
// and in headless chromium against browser mode (the real core and simulator): the time from
// navigation to an interactive login form (20 runs), sign-in as the user feels it (click "Sign in"
// to the OTP prompt; the sixth digit typed to the terminal home with its summary), and the
// renderer's JS heap once signed in. Prints; asserts nothing. `npm run bench:renderer` builds
// first; `--json <file>` writes the figures as JSON (run-all.ts).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/harness.js';
import { startBenchApp, type BenchApp } from './bench-app.js';
import { BENCH_PASSWORD } from './bench-users.js';
import { base32Decode, totpCode } from './totp-code.js';
import { emitFigures, figure, median, type Figure } from './figures.js';
import { bundleSizes } from './bundle-sizes.js';

const root = resolve(import.meta.dirname, '../..');
const DIST = join(root, 'dist', 'renderer');
const NAV_RUNS = Number(process.env.BENCH_NAV_RUNS ?? 20);
const SIGNIN_RUNS = Number(process.env.BENCH_SIGNIN_RUNS ?? 10);

/** A page of a fresh browser context: empty cache, as at the start of a trading day. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/**
 * Before the app's own scripts: stamps when the bridge's socket delivers the signed-in state (a
 * listener added first, in the socket's constructor), so a sign-in splits into the core's part
 * (up to that frame) and the renderer's (from it to the home on screen).
 */
async function stampSignedInFrame(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __bench?: Record<string, number> };
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (e: MessageEvent) => {
          const stamps = (w.__bench ??= {});
          if (stamps.signedIn === undefined && String(e.data).includes('"step":"signedIn"'))
            stamps.signedIn = performance.now();
        });
      }
    };
  });
}

/** Resolves with performance.now() when the User ID field takes input (polled every frame). */
async function loginInteractiveAt(page: Page): Promise<number> {
  // performance.now() counts from the start of navigation; read it when the field takes input.
  const handle = await page.waitForFunction(
    () => {
      const input = [...document.querySelectorAll('input')].find((el) =>
        el.labels?.[0]?.textContent?.includes('User ID'),
      );
      return input && !input.disabled && !input.readOnly ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

/** Navigation to an interactive login form, each run in a fresh context. */
export async function navigationRuns(app: BenchApp, browser: Browser): Promise<Figure[]> {
  const times: number[] = [];
  for (let i = 0; i < NAV_RUNS; i++) {
    const page = await freshPage(browser);
    await page.goto(app.mode.url, { waitUntil: 'commit' });
    times.push(await loginInteractiveAt(page));
    await page.context().close();
  }
  return [
    figure({
      id: 'navigation-to-login',
      name: `navigation to an interactive login form, headless Chromium, ${NAV_RUNS} runs`,
      goalText: 'median ≤ 300 ms',
      goal: { op: '<=', value: 300 },
      unit: 'ms',
      runs: times,
      valueIs: `median of ${NAV_RUNS} page loads (fresh context each; navigation start to the User ID field enabled)`,
    }),
  ];
}

/**
 * Installs in the page the stamps of a sign-in, each taken in the animation frame after the DOM
 * shows the thing (the frame that paints it): the click on "Sign in", the OTP field ready, the
 * sixth digit's input event, the shell's heading and the home with its summary.
 */
async function installStamps(page: Page): Promise<void> {
  // tsx (esbuild, keepNames) wraps the callback's named functions in `__name(...)`, a helper that
  // exists only in Node: give the page an identity one.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const w = window as unknown as { __bench?: Record<string, number> };
    const stamps = (w.__bench ??= {});
    const otpField = (): HTMLInputElement | undefined =>
      [...document.querySelectorAll('input')].find((el) =>
        el.labels?.[0]?.textContent?.includes('One-time password'),
      );
    document.addEventListener(
      'click',
      (e) => {
        const button = (e.target as Element | null)?.closest('button');
        if (button?.textContent?.trim() === 'Sign in' && stamps.click === undefined)
          stamps.click = performance.now();
      },
      true,
    );
    document.addEventListener(
      'input',
      (e) => {
        const t = e.target as HTMLInputElement;
        if (t === otpField() && /^\d{6}$/.test(t.value) && stamps.sixth === undefined)
          stamps.sixth = performance.now();
      },
      true,
    );
    const pending = new Set<string>();
    const check = (): void => {
      const when = (name: string, shown: boolean): void => {
        if (!shown || stamps[name] !== undefined || pending.has(name)) return;
        pending.add(name);
        requestAnimationFrame(() => {
          stamps[name] = performance.now();
        });
      };
      const otp = otpField();
      when('otp', stamps.click !== undefined && !!otp && !otp.disabled);
      when('shell', !!document.getElementById('home-heading'));
      const home = document.querySelector('section[aria-labelledby="home-heading"]');
      when(
        'home',
        !!home && home.getAttribute('aria-busy') !== 'true' && !!home.querySelector('table'),
      );
    };
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

async function waitStamp(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => (window as unknown as { __bench?: Record<string, number> }).__bench?.[n] ?? false,
    name,
    { timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

/** Sign-in as the user feels it, and the JS heap once signed in; a fresh user each run. */
export async function signInRuns(app: BenchApp, browser: Browser): Promise<Figure[]> {
  const toOtp: number[] = [];
  const toHome: number[] = [];
  const toShell: number[] = [];
  const toSignedInFrame: number[] = [];
  const heapUsed: number[] = [];
  const heapBeforeGc: number[] = [];
  // One warm-up run, not counted: the first sign-in of the core compiles its code paths.
  for (let i = 0; i <= SIGNIN_RUNS; i++) {
    const user = app.users[i];
    if (!user) throw new Error('out of seeded users');
    const page = await freshPage(browser);
    await stampSignedInFrame(page);
    await page.goto(app.mode.url);
    await loginInteractiveAt(page);
    await page.getByLabel('User ID', { exact: true }).fill(user.userId);
    await page.getByLabel('Password', { exact: true }).fill(BENCH_PASSWORD);
    await installStamps(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const otpAt = await waitStamp(page, 'otp');
    const clickAt = await waitStamp(page, 'click');
    await page
      .getByLabel('One-time password', { exact: true })
      .pressSequentially(totpCode(base32Decode(user.secret), Date.now()));
    const homeAt = await waitStamp(page, 'home');
    const shellAt = await waitStamp(page, 'shell');
    const sixthAt = await waitStamp(page, 'sixth');
    const signedInAt = await waitStamp(page, 'signedIn');
    const cdp = await page.context().newCDPSession(page);
    const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.send('HeapProfiler.collectGarbage');
    const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    if (i > 0) {
      toOtp.push(otpAt - clickAt);
      toHome.push(homeAt - sixthAt);
      toShell.push(shellAt - sixthAt);
      toSignedInFrame.push(signedInAt - sixthAt);
      heapUsed.push(after.usedSize / 2 ** 20);
      heapBeforeGc.push(before.usedSize / 2 ** 20);
    }
    await page.context().close();
    const out = await app.mode.core.call('logout', {});
    if (!out.ok) throw new Error(`logout: ${out.error.code}`);
  }
  const runsText = `${SIGNIN_RUNS} sign-ins (fresh context and user each, after one warm-up)`;
  return [
    figure({
      id: 'felt-click-to-otp',
      name: 'sign-in as the user feels it: click "Sign in" to the OTP prompt, headless Chromium',
      goalText: 'median reported',
      unit: 'ms',
      runs: toOtp,
      valueIs: `median of ${runsText}; from the click event to the frame showing the enabled OTP field`,
    }),
    figure({
      id: 'felt-code-to-home',
      name: 'sign-in as the user feels it: the sixth digit typed to the terminal home, headless Chromium',
      goalText: 'median reported',
      unit: 'ms',
      runs: toHome,
      valueIs: `median of ${runsText}; from the sixth digit's input event to the frame showing the home with its summary (details: to the socket's signed-in frame, to the shell's heading)`,
      details: {
        toSignedInFrameMedianMs: median(toSignedInFrame),
        toShellHeadingMedianMs: median(toShell),
      },
    }),
    figure({
      id: 'renderer-heap',
      name: 'renderer JS heap after sign-in (used, after a forced GC)',
      goalText: 'reported',
      unit: 'MB',
      runs: heapUsed,
      valueIs: `median of ${runsText}; CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage`,
      details: {
        usedBeforeGcMedianMB: median(heapBeforeGc),
      },
    }),
  ];
}

/** Every renderer figure: sizes, then one browser-mode app and browser for the page figures. */
export async function runRendererBench(
  log: (line: string) => void = console.log,
): Promise<Figure[]> {
  // A copy of the build: other engineers' `vite build` in the same checkout replaces dist/renderer
  // (new chunk names) and must not break a page load half way through the runs.
  const snapshot = await mkdtemp(join(tmpdir(), 'ccms-bench-renderer-'));
  await cp(DIST, snapshot, { recursive: true });
  let app: BenchApp | undefined;
  let browser: Browser | undefined;
  try {
    const figures = await bundleSizes(snapshot, log);
    app = await startBenchApp(SIGNIN_RUNS + 5, snapshot);
    browser = await launchChromium();
    log(`navigation: ${NAV_RUNS} page loads …`);
    figures.push(...(await navigationRuns(app, browser)));
    log(`sign-in: ${SIGNIN_RUNS} sign-ins …`);
    figures.push(...(await signInRuns(app, browser)));
    return figures;
  } finally {
    await browser?.close().catch(() => undefined);
    await app?.close();
    await rm(snapshot, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runRendererBench().then(
    (figures) => emitFigures(figures),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
