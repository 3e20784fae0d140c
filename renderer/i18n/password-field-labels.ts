import type { TFunction } from 'i18next';
import type { PasswordFieldLabels } from '../components/PasswordField.js';

/** The show/hide and Caps Lock wording of every password field (login and 2FA set-up). */
export function passwordFieldLabels(t: TFunction): PasswordFieldLabels {
  return {
    showLabel: t('login:showPassword'),
    hideLabel: t('login:hidePassword'),
    capsLockLabel: t('login:capsLockOn'),
  };
}
