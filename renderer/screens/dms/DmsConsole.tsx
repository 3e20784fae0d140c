import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
} from '@fluentui/react-components';
import type { DmsAction, DmsRequest, DmsUser } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { focusAfterDialogs } from '../../components/use-focus-when-lost.js';
import { useSessionStore } from '../../state/session-store.js';
import { useDmsStore, type DmsOutcome } from '../../state/dms-store.js';
import { useShellStore } from '../../state/shell-store.js';
import { CreateRequestDialog } from './CreateRequestDialog.js';
import { DecisionDialog } from './DecisionDialog.js';
import { PendingRequests } from './PendingRequests.js';
import { UsersTable } from './UsersTable.js';
import { AuditView } from './AuditView.js';
import { useDmsStyles } from './dms-styles.js';
import { useDmsErrorSentence } from './use-dms-error.js';

/** Props of the DMS console. */
export interface DmsConsoleProps {
  onClose(): void;
}

/** The DA console (Security Management Function): users, maker requests, checker decisions. */
export default function DmsConsole({ onClose }: DmsConsoleProps) {
  const { t } = useTranslation('dms');
  const styles = useDmsStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingHeadingRef = useRef<HTMLHeadingElement>(null);
  const authState = useSessionStore((s) => s.authState);
  const me = authState && 'user' in authState ? authState.user : null;
  const { status, users, pending, loadError, outcome, load } = useDmsStore();
  const sentence = useDmsErrorSentence();
  // Dialogs close through `open` and keep their subject: a Fluent dialog unmounted while open
  // leaves the rest of the page aria-hidden.
  const [creating, setCreating] = useState<{
    user: DmsUser;
    action: DmsAction;
    open: boolean;
  } | null>(null);
  const [view, setView] = useState<'users' | 'audit'>('users');
  const [deciding, setDeciding] = useState<{
    request: DmsRequest;
    decision: 'approve' | 'reject';
    open: boolean;
  } | null>(null);

  // The idle warning closes any open dialog: when the lock follows, the console is removed, and a
  // Fluent dialog removed while open would leave the lock screen hidden from screen readers.
  const idleWarning = useShellStore((s) => s.idleLockAt !== null);
  useEffect(() => {
    if (!idleWarning) return;
    setCreating((c) => c && { ...c, open: false });
    setDeciding((d) => d && { ...d, open: false });
  }, [idleWarning]);

  // A user's "Request pending" item leads to that request: focus moves to its row once the
  // menu has closed (a closing menu gives focus back to its button first).
  const showRequest = (request: DmsRequest) =>
    setTimeout(
      () => document.querySelector<HTMLElement>(`[data-request="${request.id}"]`)?.focus(),
      0,
    );

  useEffect(() => {
    headingRef.current?.focus();
    void load();
  }, [load]);
  useEffect(
    () => () =>
      useDmsStore.setState({
        status: 'idle',
        users: [],
        pending: [],
        outcome: null,
        actionError: null,
        approvalCode: null,
      }),
    [],
  );

  return (
    <section className={styles.root} aria-labelledby="dms-heading" aria-busy={status === 'loading'}>
      <div className={styles.titleRow}>
        <h1 id="dms-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
          {t('heading')}
        </h1>
        <div className={styles.buttons}>
          <Button onClick={() => void load()} disabled={status === 'loading'}>
            {t('refresh')}
          </Button>
          <Button onClick={onClose}>{t('back')}</Button>
        </div>
      </div>
      <p className={styles.muted}>{t('intro')}</p>

      <div role="status" aria-live="polite">
        {outcome && <OutcomeMessage outcome={outcome} />}
      </div>
      {status === 'loading' && users.length === 0 && (
        <Spinner label={t('loading')} size="small" labelPosition="after" />
      )}
      {status === 'error' && loadError && (
        <>
          <ErrorMessage title={t('loadFailed')} message={sentence(loadError)} focus={false} />
          <div>
            <Button onClick={() => void load()}>{t('retry')}</Button>
          </div>
        </>
      )}

      <TabList
        selectedValue={view}
        onTabSelect={(_, d) => setView(d.value === 'audit' ? 'audit' : 'users')}
        aria-label={t('heading')}
      >
        <Tab value="users">{t('tabs.users')}</Tab>
        <Tab value="audit">{t('tabs.audit')}</Tab>
      </TabList>

      {view === 'audit' && <AuditView users={users} />}
      {view === 'users' && (
        <>
          {users.length > 0 && (
            <section className={styles.card} aria-labelledby="dms-users-heading">
              <h2 id="dms-users-heading" className={styles.subheading}>
                {t('users.heading', { participant: me?.participantId ?? '' })}
              </h2>
              <UsersTable
                users={users}
                pending={pending}
                onRequest={(user, action) => setCreating({ user, action, open: true })}
                onShowRequest={showRequest}
              />
            </section>
          )}

          {(status === 'ready' || users.length > 0) && (
            <section className={styles.card} aria-labelledby="dms-pending-heading">
              <h2
                id="dms-pending-heading"
                ref={pendingHeadingRef}
                tabIndex={-1}
                className={styles.subheading}
              >
                {t('pending.heading')}
              </h2>
              <PendingRequests
                requests={pending}
                me={me?.userId ?? ''}
                onDecide={(request, decision) => setDeciding({ request, decision, open: true })}
              />
            </section>
          )}
        </>
      )}

      {creating && (
        <CreateRequestDialog
          key={`${creating.user.userId}-${creating.action}`}
          open={creating.open}
          user={creating.user}
          action={creating.action}
          onDone={() => setCreating({ ...creating, open: false })}
        />
      )}
      {deciding && (
        <DecisionDialog
          key={`${deciding.request.id}-${deciding.decision}`}
          open={deciding.open}
          request={deciding.request}
          decision={deciding.decision}
          onDone={() => {
            setDeciding({ ...deciding, open: false });
            // A decided request has left the list with its buttons: focus goes to the list (the
            // outcome is announced); a cancelled one gets focus back on its button (Fluent).
            if (useDmsStore.getState().outcome) focusAfterDialogs(() => pendingHeadingRef.current);
          }}
        />
      )}
    </section>
  );
}

function OutcomeMessage({ outcome }: { outcome: DmsOutcome }) {
  const { t } = useTranslation('dms');
  const vars = { action: t(`action.${outcome.request.action}`), userId: outcome.request.userId };
  const key =
    outcome.kind === 'created'
      ? 'create.created'
      : outcome.kind === 'approved'
        ? 'pending.approved'
        : 'pending.rejected';
  return (
    <MessageBar intent="success">
      <MessageBarBody>{t(key, vars)}</MessageBarBody>
    </MessageBar>
  );
}
