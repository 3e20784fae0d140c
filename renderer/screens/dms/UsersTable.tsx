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
  makeStyles,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { DmsAction, DmsRequest, DmsUser } from '../../../shared/index.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { useNow } from '../../components/use-now.js';
import { availabilityOf, MENU_ACTIONS } from './action-availability.js';
import { needsAttention, readinessOf, type ReadinessProblem } from './readiness.js';
import { useDmsStyles } from './dms-styles.js';

// An inline popover is painted in the table's order: above the rows after its own, it needs a layer.
const usePopoverStyles = makeStyles({ popover: { zIndex: 1 } });

const STATE_COLOR: Record<DmsUser['state'], BadgeProps['color']> = {
  active: 'success',
  locked: 'danger',
  suspended: 'warning',
  needs_init: 'informative',
};

/**
 * The participant's users with their state, what their next sign-in will ask of them, channel and
 * masked email, and a request menu each that offers only what can succeed.
 */
export function UsersTable(props: {
  users: DmsUser[];
  pending: DmsRequest[];
  onRequest(user: DmsUser, action: DmsAction): void;
  onShowRequest(request: DmsRequest): void;
}) {
  const { t, i18n } = useTranslation('dms');
  const styles = useDmsStyles();
  // A minute is fine enough for "expires at" and "locked until".
  const now = useNow(60_000);
  const readiness = new Map(props.users.map((u) => [u.userId, readinessOf(u, now)]));
  const attention = props.users.filter((u) => needsAttention(readiness.get(u.userId) ?? [])).length;

  return (
    <>
      <p className={styles.muted} data-testid="dms-attention">
        {attention === 0 ? t('users.attentionNone') : t('users.attention', { count: attention })}
      </p>
      <Table aria-label={t('users.caption')} size="small" className={styles.usersTable}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.narrowColumn}>{t('users.userId')}</TableHeaderCell>
            <TableHeaderCell>{t('users.name')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideColumn}>{t('users.state')}</TableHeaderCell>
            <TableHeaderCell>{t('users.channel')}</TableHeaderCell>
            <TableHeaderCell>{t('users.email')}</TableHeaderCell>
            <TableHeaderCell className={styles.narrowColumn}>{t('users.actions')}</TableHeaderCell>
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
                  {u.lockedUntil && (
                    <span className={styles.muted}>
                      {t('users.lockedUntil', {
                        time: formatDateTime(u.lockedUntil, i18n.language),
                      })}
                    </span>
                  )}
                </span>
                <Readiness
                  userId={u.userId}
                  problems={(readiness.get(u.userId) ?? []).filter((p) => p.key !== 'locked')}
                />
              </TableCell>
              <TableCell>
                {u.channel ? t(`channel.${u.channel}`) : t('channel.none')}
                {u.tempEmailOtpUntil && (
                  <span className={styles.channelNote} data-temp-email-otp>
                    {t('users.tempEmailOtpUntil', {
                      time: formatDateTime(u.tempEmailOtpUntil, i18n.language),
                    })}
                  </span>
                )}
              </TableCell>
              <TableCell className={styles.email}>
                {u.maskedEmail ?? <span className={styles.muted}>{t('users.noEmail')}</span>}
              </TableCell>
              <TableCell>
                <RequestMenu
                  user={u}
                  pending={props.pending}
                  onRequest={props.onRequest}
                  onShowRequest={props.onShowRequest}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** What the user's next sign-in will meet, one line each; nothing when it goes as usual. */
function Readiness({ userId, problems }: { userId: string; problems: ReadinessProblem[] }) {
  const { t, i18n } = useTranslation('dms');
  const styles = useDmsStyles();
  if (problems.length === 0) return null;
  return (
    <ul className={styles.readiness} aria-label={t('readiness.label', { userId })}>
      {problems.map((p) => (
        <li key={p.key} data-readiness={p.key} className={styles[`severity_${p.severity}`]}>
          {t(`readiness.${p.key}`, {
            time: p.time === undefined ? '' : formatDateTime(p.time, i18n.language),
          })}
        </li>
      ))}
    </ul>
  );
}

/** Every action, each available, or disabled with its reason, or leading to its pending request. */
function RequestMenu(props: {
  user: DmsUser;
  pending: DmsRequest[];
  onRequest(user: DmsUser, action: DmsAction): void;
  onShowRequest(request: DmsRequest): void;
}) {
  const { t } = useTranslation('dms');
  const styles = useDmsStyles();
  const popoverStyles = usePopoverStyles();
  // The dialog a menu item opens gives focus back here: the menu item itself is gone by then.
  const restoreFocusTarget = useRestoreFocusTarget();
  const { user } = props;
  return (
    // Inline: the popover stays in the page's main landmark, next to its button, rather than in a
    // portal at the end of <body> outside every landmark (axe: region). Fixed positioning keeps
    // it from being clipped by the table's scroll box.
    <Menu inline positioning={{ strategy: 'fixed' }}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          size="small"
          aria-label={t('users.requestFor', { userId: user.userId })}
          {...restoreFocusTarget}
        >
          {t('users.actions')}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover className={popoverStyles.popover}>
        <MenuList>
          {MENU_ACTIONS.map((action) => {
            const a = availabilityOf(user, action, props.pending);
            const note =
              a.kind === 'blocked'
                ? t(`blocked.${a.reason}`)
                : a.kind === 'pending'
                  ? t('menu.pending')
                  : null;
            return (
              <MenuItem
                key={action}
                data-action={action}
                disabled={a.kind === 'blocked'}
                onClick={() =>
                  a.kind === 'pending'
                    ? props.onShowRequest(a.request)
                    : a.kind === 'available' && props.onRequest(user, action)
                }
              >
                <span className={styles.menuItemText}>
                  <span>{t(`action.${action}`)}</span>
                  {note && <span className={styles.menuNote}>{note}</span>}
                </span>
              </MenuItem>
            );
          })}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
