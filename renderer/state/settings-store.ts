import { create } from 'zustand';
import type { AppError, AppInfo, EnvironmentId, Language } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';

/** Where "Forget this workstation" is. */
export type ForgetStatus = 'idle' | 'confirming' | 'busy' | 'done' | 'error';

/** The settings screen's state: saving a setting, and the forget-workstation dialog. */
export interface SettingsState {
  saving: 'language' | 'environment' | null;
  saveError: AppError | null;
  forgetStatus: ForgetStatus;
  forgetRemoved: number | null;
  forgetError: AppError | null;
  /**
   * Applies the language at once through `apply` (i18next's changeLanguage), then saves it.
   * Returns the AppInfo the core answered with, for the session store to mirror.
   */
  setLanguage(
    language: Language,
    apply: (language: Language) => Promise<unknown>,
  ): Promise<AppInfo | null>;
  setEnvironment(environment: EnvironmentId): Promise<AppInfo | null>;
  askForget(): void;
  cancelForget(): void;
  /** Forgets the workstation; returns the refreshed AppInfo (no remembered user ID) for the session store. */
  confirmForget(): Promise<AppInfo | null>;
  reset(): void;
}

const initial = {
  saving: null,
  saveError: null,
  forgetStatus: 'idle' as ForgetStatus,
  forgetRemoved: null,
  forgetError: null,
};

/** One store for the settings screen. */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  ...initial,
  async setLanguage(language, apply) {
    set({ saving: 'language', saveError: null });
    // The screen changes language first so the user sees the effect without waiting for the disk.
    await apply(language);
    const result = await callBridge('updateSettings', { language });
    if (!result.ok) {
      set({ saving: null, saveError: result.error });
      return null;
    }
    set({ saving: null });
    return result.value;
  },
  async setEnvironment(environment) {
    set({ saving: 'environment', saveError: null });
    const result = await callBridge('updateSettings', { environment });
    if (!result.ok) {
      set({ saving: null, saveError: result.error });
      return null;
    }
    set({ saving: null });
    return result.value;
  },
  askForget() {
    set({ forgetStatus: 'confirming', forgetRemoved: null, forgetError: null });
  },
  cancelForget() {
    set({ forgetStatus: 'idle' });
  },
  async confirmForget() {
    if (get().forgetStatus === 'busy') return null;
    set({ forgetStatus: 'busy' });
    const result = await callBridge('forgetWorkstation', {});
    if (!result.ok) {
      set({ forgetStatus: 'error', forgetError: result.error });
      return null;
    }
    set({ forgetStatus: 'done', forgetRemoved: result.value.removed });
    // The login form pre-fills from AppInfo: read it again so the forgotten user ID is gone there too.
    const info = await callBridge('getAppInfo', {});
    return info.ok ? info.value : null;
  },
  reset() {
    set({ ...initial });
  },
}));
