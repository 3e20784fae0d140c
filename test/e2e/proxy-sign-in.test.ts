// Proxy sign-in in a real browser (browser mode): the machine policy names a proxy, a real
// authenticating proxy (the `proxy` package on 127.0.0.1, Basic) stands in front of the real
// simulator. The dialog appears at sign-in over the login screen, is answered with the keyboard,
// and the sign-in completes; the proxy password is then nowhere the terminal wrote.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProxy } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle, submitLogin } from './sign-in-support.js';

const PROXY_USER = 'desk-ops';
const PROXY_PASSWORD = 'Proxy-Kept-Nowhere-7';
const RIGHT = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`;

describe('proxy sign-in (browser mode, real proxy, real simulator)', () => {
  let app: TestApp;
  let server: http.Server;
  let proxyName: string;
  const seen: (string | null)[] = [];

  beforeAll(async () => {
    const proxy = createProxy(http.createServer());
    proxy.authenticate = (req) => {
      const auth = req.headers['proxy-authorization'] ?? null;
      seen.push(auth);
      return auth === RIGHT;
    };
    server = proxy;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    proxyName = `127.0.0.1:${port}`;
    app = await startApp({ policy: { proxy: `http://${proxyName}`, logLevel: 'debug' } });
  });
  afterAll(async () => {
    await app?.close();
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  const dialog = () => app.page.getByRole('dialog', { name: 'Sign in to the proxy server' });
  // The login's "Signing in…" spinner spins until the proxy is answered: its endless animation
  // would keep a wait for animations from ever ending, so it is stopped (looks only), and the
  // dialog's fade-in is waited for before a screenshot or a scan.
  const stillPage = async () => {
    await app.page.evaluate(() => {
      for (const a of document.getAnimations())
        if (a.effect?.getComputedTiming().endTime === Infinity) a.cancel();
    });
    await settle(app.page);
  };
  const focusedAutocomplete = () =>
    app.page.evaluate(() => document.activeElement?.getAttribute('autocomplete') ?? null);

  it('asks at sign-in, over the login screen, with focus in the user name; Escape cancels', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101');
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain(proxyName);
    expect(await dialog().textContent()).toContain('proxy');
    await expect.poll(focusedAutocomplete).toBe('username');
    expect(
      await dialog().evaluate((d) => d.contains(document.activeElement)),
      'focus is inside the dialog',
    ).toBe(true);
    await stillPage();
    await app.screenshot('proxy-sign-in-en');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // Found by role: the page behind the closed dialog is no longer hidden from assistive tech.
    await page
      .getByRole('alert')
      .getByText(`Signing in to the proxy server ${proxyName} was cancelled`)
      .waitFor();
  });

  it('is answered with the keyboard: a wrong password asks again, the right one signs in', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101');
    await dialog().waitFor();
    await expect.poll(focusedAutocomplete).toBe('username');
    await page.keyboard.type(PROXY_USER);
    await page.keyboard.press('Tab');
    expect(await focusedAutocomplete()).toBe('current-password');
    await page.keyboard.type('Not-The-Proxy-Pass');
    await page.keyboard.press('Enter');

    // Asked again, saying the last answer was refused; the user name stays, the password does not.
    await dialog().getByText('did not accept the last user name and password').waitFor();
    const password = dialog().getByLabel('Password', { exact: true });
    expect(await password.inputValue()).toBe('');
    expect(await dialog().getByLabel('User name').inputValue()).toBe(PROXY_USER);
    await stillPage();
    await app.screenshot('proxy-sign-in-failed-before-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expect.poll(focusedAutocomplete).toBe('username');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PROXY_PASSWORD);
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });

    const otp = page.getByLabel('One-time password', { exact: true });
    await otp.waitFor();
    await otp.fill(app.totp('C00101'));
    await page.getByRole('button', { name: 'Sign out' }).first().waitFor();
    // The signed-in shell's own calls went through the proxy with the answer, asking nobody.
    expect(seen.at(-1)).toBe(RIGHT);
    expect(await dialog().count()).toBe(0);
  });

  it('leaves the proxy password in no file the terminal wrote, nor in the page or its storage', async () => {
    const entries = await readdir(app.userDataDir, { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.some((f) => f.endsWith('.log'))).toBe(true);
    const b64 = Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64');
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text.includes(PROXY_PASSWORD), `proxy password in ${file}`).toBe(false);
      expect(text.includes(b64), `proxy authorization in ${file}`).toBe(false);
    }
    const stored = await app.page.evaluate(() =>
      JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        html: document.documentElement.outerHTML,
      }),
    );
    expect(stored.includes(PROXY_PASSWORD)).toBe(false);
  });
});
