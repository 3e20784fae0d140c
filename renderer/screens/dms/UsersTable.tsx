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
import type { DmsAction, DmsUser } from '../../../shared/index.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { actionsFor } from '../../state/dms-store.js';
import { useDmsStyles } from './dms-styles.js';

// An inline popover is painted in the table's order: above the rows after its own, it needs a layer.
const usePopoverStyles = makeStyles({ popover: { zIndex: 1 } });

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
  const popoverStyles = usePopoverStyles();
  // The dialog a menu item opens gives focus back here: the menu item itself is gone by then.
  const restoreFocusTarget = useRestoreFocusTarget();

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
            <TableCell>{u.channel ? t(`channel.${u.channel}`) : t('channel.none')}</TableCell>
            <TableCell>
              {u.maskedEmail ?? <span className={styles.muted}>{t('users.noEmail')}</span>}
            </TableCell>
            <TableCell>
              {/* Inline: the popover stays in the page's main landmark, next to its button, rather
                  than in a portal at the end of <body> outside every landmark (axe: region).
                  Fixed positioning keeps it from being clipped by the table's scroll box. */}
              <Menu inline positioning={{ strategy: 'fixed' }}>
                <MenuTrigger disableButtonEnhancement>
                  <MenuButton
                    size="small"
                    aria-label={t('users.requestFor', { userId: u.userId })}
                    {...restoreFocusTarget}
                  >
                    {t('users.actions')}
                  </MenuButton>
                </MenuTrigger>
                <MenuPopover className={popoverStyles.popover}>
                  <MenuList>
                    {actionsFor(u).map((action) => (
                      <MenuItem key={action} onClick={() => props.onRequest(u, action)}>
                        {t(`action.${action}`)}
                      </MenuItem>
                    ))}
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
