import { Badge } from '@fluentui/react-components';
import type { EnvironmentId } from '../../shared/index.js';

/** Props of the environment badge. */
export interface EnvironmentBadgeProps {
  environment: EnvironmentId;
  /** The environment's translated name, e.g. "Production". */
  name: string;
  /** The full accessible text, e.g. "Environment: Production". */
  label: string;
}

// Production stands out so nobody mistakes it for a test system, and the reverse.
const COLOR = {
  production: 'danger',
  'connectivity-test': 'warning',
  simulator: 'brand',
} as const;

/** Shows which environment the terminal talks to. */
export function EnvironmentBadge({ environment, name, label }: EnvironmentBadgeProps) {
  return (
    <Badge
      appearance="tint"
      color={COLOR[environment]}
      size="extra-large"
      shape="rounded"
      role="status"
      aria-label={label}
      title={label}
      data-environment={environment}
    >
      {name}
    </Badge>
  );
}
