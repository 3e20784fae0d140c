import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the settings screen. */
export const useSettingsStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '48rem',
  },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  note: { margin: 0 },
  dialogText: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalL },
  about: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  aboutRow: {
    display: 'contents',
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  // Fixed layout: the first two columns as wide as a date and an ID, the rest for the words.
  historyTable: { tableLayout: 'fixed', width: '100%' },
  historyTime: { width: '9rem' },
  historyUser: { width: '5.5rem', overflowWrap: 'anywhere' },
  historyEnv: { color: tokens.colorNeutralForeground2 },
  historyActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});
