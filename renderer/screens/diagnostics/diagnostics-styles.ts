import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the connectivity check screen. */
export const useDiagnosticsStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '60rem',
  },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  intro: { margin: 0 },
  target: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  step: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  stepHead: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  stepName: { fontWeight: tokens.fontWeightSemibold },
  advice: { margin: `${tokens.spacingVerticalXS} 0 0 0` },
  details: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  detail: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
    '& dt::after': { content: '":"' },
    // Chinese writes the full-width colon after a label (:lang follows <html lang>).
    '& dt:lang(zh)::after': { content: '"："' },
  },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reportText: {
    fontFamily: tokens.fontFamilyMonospace,
    '& textarea': { fontFamily: tokens.fontFamilyMonospace, minHeight: '10rem' },
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  note: { margin: 0, overflowWrap: 'anywhere' },
  bundle: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hotline: { margin: 0, color: tokens.colorNeutralForeground2 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});
