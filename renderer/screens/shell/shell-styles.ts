import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../../components/visually-hidden.js';

/** Styles of the signed-in shell. */
export const useShellStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // One row at every window size down to the minimum (900x600): the facts give way (long names
  // end in "…", the full text in a tooltip and for screen readers); brand and Sign out never do.
  header: {
    display: 'flex',
    flexWrap: 'nowrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexShrink: 0,
    whiteSpace: 'nowrap',
  },
  appName: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'flex',
    flexWrap: 'nowrap',
    columnGap: tokens.spacingHorizontalXL,
    flexGrow: 1,
    minWidth: 0,
    margin: 0,
  },
  fact: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    '& dt': {
      fontSize: tokens.fontSizeBase200,
      color: tokens.colorNeutralForeground2,
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    '& dd': {
      margin: 0,
      fontWeight: tokens.fontWeightSemibold,
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
  },
  // "Name (ID)": the name gives way, never below a few letters; the ID stays whole.
  named: { display: 'flex', minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', minWidth: '3em' },
  id: { flexShrink: 0, marginLeft: '0.25em' },
  // The time left is short and always read in full; the participant's name gives way before the
  // user's (whose ID ends the line and is what the desk checks).
  fixedFact: { flexShrink: 0 },
  shrinkFirst: { flexShrink: 2, '@media (max-width: 1099px)': { flexShrink: 0 } },
  // Below ~1100 px a participant's name would show as a few letters: the ID alone is shown, the
  // name stays in the tooltip and is still read by screen readers.
  participantName: { '@media (max-width: 1099px)': visuallyHidden },
  participantId: { '@media (max-width: 1099px)': { marginLeft: 0 } },
  participantBracket: { '@media (max-width: 1099px)': visuallyHidden },
  signOut: { flexShrink: 0, marginLeft: 'auto' },
  clock: { fontVariantNumeric: 'tabular-nums' },
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'underline',
    textUnderlineOffset: '6px',
    textDecorationThickness: '2px',
  },
  main: { flexGrow: 1, padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}` },
  home: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '72rem',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
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
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', justifyContent: 'flex-end' },
  // Fluent lays the header text out in a flex button: align it with the figures below.
  numberHeader: {
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end', textAlign: 'right' },
  },
  negative: { color: tokens.colorPaletteRedForeground1 },
  notices: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  notice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  lock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  lockActions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  signOutBlock: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    alignItems: 'flex-start',
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  countdown: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});
