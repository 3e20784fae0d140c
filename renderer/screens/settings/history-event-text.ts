// One history entry in plain words, in the interface language (settings:history.event.*). The
// codes come from the core (shared/bridge.ts HistoryEntry); a refusal's code the catalog has no
// words for is shown as the code, never dropped.
import type { TFunction } from 'i18next';
import type { HistoryEntry } from '../../../shared/index.js';

const KNOWN_REFUSALS = new Set([
  'INVALID_CREDENTIALS',
  'PASSWORD_EXPIRED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_SUSPENDED',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_REUSED',
]);

function why(t: TFunction, code: string): string {
  return KNOWN_REFUSALS.has(code)
    ? t(`settings:history.refusal.${code}`)
    : t('settings:history.refusal.other', { code });
}

/** What happened, for the "What happened" column. */
export function historyEventText(t: TFunction, entry: HistoryEntry): string {
  switch (entry.kind) {
    case 'signedIn':
      if (entry.initialization)
        return t('settings:history.event.signedInInit', {
          channel: t(`dms:channel.${entry.channel ?? 'none'}`),
        });
      return entry.channel
        ? t(`settings:history.event.signedIn_${entry.channel}`)
        : t('settings:history.event.signedIn');
    case 'signInFailed':
      return t(`settings:history.event.signInFailed_${entry.step}`, { why: why(t, entry.code) });
    case 'signedOut':
      return t(`settings:history.event.signedOut_${entry.reason}`);
    case 'locked':
      return t(`settings:history.event.locked_${entry.cause}`);
    case 'unlocked':
      return t('settings:history.event.unlocked');
    case 'unlockFailed':
      return t('settings:history.event.unlockFailed', { why: why(t, entry.code) });
    case 'dmsRequested':
    case 'dmsApproved':
    case 'dmsRejected':
      return t(`settings:history.event.${entry.kind}`, {
        action: t(`dms:action.${entry.action}`),
        userId: entry.targetUserId,
        id: entry.requestId,
      });
    case 'historyRestarted':
      return t(`settings:history.event.historyRestarted_${entry.cause}`);
  }
}
