import { useTranslation } from 'react-i18next';
import {
  Badge,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type BadgeProps,
} from '@fluentui/react-components';
import type { DmsAction, DmsUser } from '../../../shared/index.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { actionsFor, tempEmailOtpBlocker } from '../../state/dms-store.js';
import { useDmsStyles } from './dms-styles.js';

const STATE_COLOR: Record<DmsUser['state'], BadgeProps['color']> = {
  active: 'success',
  locked: 'danger',
  suspended: 'warning',
  needs_init: 'informative',
};

/** The participant's users with their state, channel and masked email, and a request menu each. */
export function UsersTable(props: {
  users: DmsUser[];
  onRequest(user: DmsUser, action: DmsAction): void;
}) {
  const { t, i18n } = useTranslation('dms');
  const styles = useDmsStyles();

  return (
    <Table aria-label={t('users.caption')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('users.userId')}</TableHeaderCell>
          <TableHeaderCell>{t('users.name')}</TableHeaderCell>
          <TableHeaderCell>{t('users.state')}</TableHeaderCell>
          <TableHeaderCell>{t('users.channel')}</TableHeaderCell>
          <TableHeaderCell>{t('users.email')}</TableHeaderCell>
          <TableHeaderCell>{t('users.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.users.map((u) => (
          <TableRow key={u.userId} data-user={u.userId}>
            <TableCell className={styles.nowrap}>{u.userId}</TableCell>
            <TableCell>
              <span className={styles.chips}>
                {u.name}
                {u.roles.includes('da') && (
                  <Badge appearance="outline" color="brand">
                    {t('users.da')}
                  </Badge>
                )}
              </span>
            </TableCell>
            <TableCell>
              <span className={styles.chips}>
                <Badge appearance="filled" color={STATE_COLOR[u.state]} data-state={u.state}>
                  {t(`state.${u.state}`)}
                </Badge>
                {u.state === 'locked' && u.lockedUntil && (
                  <span className={styles.muted}>
                    {t('users.lockedUntil', { time: formatDateTime(u.lockedUntil, i18n.language) })}
                  </span>
                )}
              </span>
            </TableCell>
            <TableCell>
              {u.channel ? t(`channel.${u.channel}`) : t('channel.none')}
              {u.tempEmailOtpUntil && (
                <span className={styles.muted} data-temp-email-otp>
                  <br />
                  {t('users.tempEmailOtpUntil', {
                    time: formatDateTime(u.tempEmailOtpUntil, i18n.language),
                  })}
                </span>
              )}
            </TableCell>
            <TableCell>
              {u.maskedEmail ?? <span className={styles.muted}>{t('users.noEmail')}</span>}
            </TableCell>
            <TableCell>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <MenuButton size="small" aria-label={t('users.requestFor', { userId: u.userId })}>
                    {t('users.actions')}
                  </MenuButton>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    {actionsFor(u).map((action) => {
                      // Offered only where the host would accept it; otherwise it says why.
                      const blocker = action === 'temp_email_otp' ? tempEmailOtpBlocker(u) : null;
                      return (
                        <MenuItem
                          key={action}
                          disabled={blocker !== null}
                          onClick={() => props.onRequest(u, action)}
                        >
                          {t(`action.${action}`)}
                          {blocker && (
                            <span className={styles.menuReason}>{t(`unavailable.${blocker}`)}</span>
                          )}
                        </MenuItem>
                      );
                    })}
                  </MenuList>
                </MenuPopover>
              </Menu>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
