import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { HostCalls } from '../../shared/host-calls.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { announcedWindows } from '../auth/maintenance.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The simulator's version, as `/health` reports it. */
export const SIM_VERSION = packageVersion();

/** `GET /health`. */
export function healthRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, HostCalls.health, () => ({
    status: 'ok' as const,
    version: SIM_VERSION,
    environment: ctx.settings.environment,
    serverTime: iso(ctx.clock.now()),
    maintenance: announcedWindows(ctx),
  }));
}
