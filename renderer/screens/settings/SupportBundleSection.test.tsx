import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { fail, installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import { SupportBundleSection } from './SupportBundleSection.js';

const fake = installFakeBridge();

afterEach(() => {
  cleanup();
  fake.reset();
});

describe('SupportBundleSection', () => {
  it('saves the bundle and says where it is', async () => {
    fake.answer('saveSupportBundle', () =>
      ok({
        path: 'C:\\Users\\op\\diagnostics\\ccms-support-2.zip',
        bytes: 2_048,
        files: ['a', 'b'],
      }),
    );
    await renderWithProviders(<SupportBundleSection />);
    expect(screen.getByRole('heading', { name: 'Support bundle' })).toBeTruthy();
    await act(async () => screen.getByRole('button', { name: 'Save support bundle' }).click());
    expect(fake.calls.map((c) => c.name)).toEqual(['saveSupportBundle']);
    expect(screen.getByRole('status').textContent).toContain(
      'The support bundle was saved to C:\\Users\\op\\diagnostics\\ccms-support-2.zip',
    );
  });

  it('says plainly when it could not be saved, in Traditional Chinese (Hong Kong) too', async () => {
    fake.answer('saveSupportBundle', () => fail('UNKNOWN'));
    await renderWithProviders(<SupportBundleSection />, 'zh-HK');
    expect(screen.getByRole('heading', { name: '支援資料包' })).toBeTruthy();
    await act(async () => screen.getByRole('button', { name: '儲存支援資料包' }).click());
    expect(screen.getByText(/未能儲存支援資料包。/)).toBeTruthy();
  });
});
