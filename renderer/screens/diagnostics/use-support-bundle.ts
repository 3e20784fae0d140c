import { useCallback, useState } from 'react';
import type { AppError, SupportBundleSaved } from '../../../shared/index.js';
import { callBridge } from '../../bridge/bridge.js';

/** Saving the support bundle: where it went, or why it could not. Local to the screen showing it. */
export interface SupportBundleState {
  saving: boolean;
  saved: SupportBundleSaved | null;
  error: AppError | null;
  save(): Promise<void>;
}

/** Asks the main process to write the support bundle and keeps the outcome. */
export function useSupportBundle(): SupportBundleState {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SupportBundleSaved | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const save = useCallback(async () => {
    setSaving(true);
    setSaved(null);
    setError(null);
    const result = await callBridge('saveSupportBundle', {});
    setSaving(false);
    if (result.ok) setSaved(result.value);
    else setError(result.error);
  }, []);
  return { saving, saved, error, save };
}
