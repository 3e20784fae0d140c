import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the DMS console. */
export const useDmsStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '80rem',
  },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowX: 'auto',
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  nowrap: { whiteSpace: 'nowrap' },
  // A temporary email OTP exception's end, on its own line under the user's channel.
  channelNote: {
    display: 'block',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  resend: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    alignItems: 'flex-start',
  },
  // Columns as wide as their content needs: at 900x600 in zh-HK a fixed layout ran the email
  // into the Request button.
  usersTable: { tableLayout: 'auto' },
  actionColumn: { minWidth: '5rem' },
  narrowColumn: { width: '1%', whiteSpace: 'nowrap' },
  wideColumn: { minWidth: '10rem' },
  // A masked email stays whole; the columns of text around it wrap instead.
  email: { whiteSpace: 'nowrap' },
  // Free text (a rejection's reason, a saved file's path) breaks anywhere rather than overflow.
  breakAnywhere: { overflowWrap: 'anywhere' },
  readiness: {
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  severity_stop: { color: tokens.colorPaletteRedForeground1 },
  severity_ask: { color: tokens.colorNeutralForeground1 },
  severity_note: { color: tokens.colorNeutralForeground2 },
  menuItemText: { display: 'flex', flexDirection: 'column' },
  menuNote: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  exportButton: { marginLeft: 'auto' },
  // A request reached from a user's menu: where focus lands, visibly.
  focusedRow: { scrollMarginTop: '4rem' },
  // Room between the last line of a dialog and its buttons; spacing comes from the gap, not p margins.
  dialogForm: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    '& p': { margin: 0 },
  },
});
