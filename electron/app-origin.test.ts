import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isTrustedSender,
  resolveAppFile,
  type FrameLike,
} from './app-origin.js';

const ROOT = path.resolve('/opt/ccms/dist/renderer');
const main: FrameLike = { url: APP_START_URL, parent: null, processId: 4, routingId: 1 };

describe('isAppUrl', () => {
  it('accepts only app://ccms/', () => {
    expect(isAppUrl('app://ccms/index.html')).toBe(true);
    expect(isAppUrl('app://ccms/assets/x.js?v=1')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'https://ccms/index.html',
      'file:///C:/x.html',
      'app:ccms',
      'not a url',
      '',
      'app://ccms.evil/',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('resolveAppFile', () => {
  it('maps app URLs inside the renderer folder, / to index.html', () => {
    expect(resolveAppFile(ROOT, 'app://ccms/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, 'app://ccms/assets/a%20b.js')).toBe(
      path.join(ROOT, 'assets', 'a b.js'),
    );
    // The URL parser resolves literal dot segments before we see them: still inside the folder.
    expect(resolveAppFile(ROOT, 'app://ccms/../package.json')).toBe(
      path.join(ROOT, 'package.json'),
    );
    expect(resolveAppFile(ROOT, 'app://ccms/%2e%2e/%2e%2e/etc/passwd')).toBe(
      path.join(ROOT, 'etc', 'passwd'),
    );
  });

  it('refuses anything that would leave the folder or is not ours', () => {
    for (const url of [
      'app://ccms/assets/..%2F..%2Fsecret',
      'app://ccms/%E0%A4%A',
      'app://other/index.html',
      'https://ccms/index.html',
    ]) {
      expect(resolveAppFile(ROOT, url), url).toBeNull();
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts the admitted window main frame showing our origin', () => {
    expect(isTrustedSender(main, main, true)).toBe(true);
  });

  it('refuses a window that was not admitted, a missing frame, a subframe, another frame or another origin', () => {
    expect(isTrustedSender(main, main, false)).toBe(false);
    expect(isTrustedSender(null, main, true)).toBe(false);
    expect(isTrustedSender({ ...main, parent: main, routingId: 2 }, main, true)).toBe(false);
    expect(isTrustedSender({ ...main, routingId: 9 }, main, true)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'https://evil.example/' }, main, true)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no inline or eval script, no plugins, no framing and no remote origin', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(['app://ccms/assets/']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});
