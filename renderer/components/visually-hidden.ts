import type { GriffelStyle } from '@fluentui/react-components';

/** Text for screen readers only (state words, progress announcements): off screen, still read. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
