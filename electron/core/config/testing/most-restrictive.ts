// Test support only: what the fail-closed policy gives every restricting setting.
import { expect } from 'vitest';
import type { ConfigStore } from '../config-store.js';

/** Every restriction at its tightest value, the harmless settings at their defaults. */
export function expectMostRestrictive(c: ConfigStore): void {
  expect(c.allowedEnvironments()).toEqual(['production']);
  expect(c.settings().environment).toBe('production');
  expect(c.idleCeilingSec()).toBe(60);
  expect(c.sharedDesk()).toBe(true);
  expect(c.rememberUserId()).toBe(false);
  expect(c.logLevel()).toBe('info');
}
