import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { PlugConnected20Regular, Settings20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/** Props of the frame around the sign-in screens. */
export interface SignInLayoutProps {
  appName: string;
  tagline: string;
  /** The environment badge, or nothing before app info is known. */
  badge: ReactNode;
  navLabel: string;
  settingsLabel: string;
  connectivityLabel: string;
  onOpenSettings(): void;
  onOpenConnectivity(): void;
  footer: string;
  children: ReactNode;
  /** Wider content (the wizard) gets more room than the login card. */
  wide?: boolean;
}

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column', marginRight: 'auto' },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  main: {
    flexGrow: 1,
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
  },
  card: {
    width: '100%',
    maxWidth: '440px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  wide: { maxWidth: '640px' },
  footer: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
  },
});

/** Header (name, environment, Settings, Connectivity check), a centred card, a help footer. */
export function SignInLayout(props: SignInLayoutProps) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Text as="span" size={500} weight="semibold">
            {props.appName}
          </Text>
          <Text as="span" size={200}>
            {props.tagline}
          </Text>
        </div>
        {props.badge}
        <nav aria-label={props.navLabel} className={styles.nav}>
          <Button appearance="subtle" icon={<Settings20Regular />} onClick={props.onOpenSettings}>
            {props.settingsLabel}
          </Button>
          <Button
            appearance="subtle"
            icon={<PlugConnected20Regular />}
            onClick={props.onOpenConnectivity}
          >
            {props.connectivityLabel}
          </Button>
        </nav>
      </header>
      <main className={styles.main}>
        <div className={mergeClasses(styles.card, props.wide && styles.wide)}>{props.children}</div>
      </main>
      <footer className={styles.footer}>
        <Text size={200}>{props.footer}</Text>
      </footer>
    </div>
  );
}
