#!/usr/bin/env bash
# `npm test`: every check, in order of speed. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type-check"; npm run -s typecheck
echo "== lint"; npm run -s lint
echo "== build"; npx vite build --logLevel warn
echo "== Electron security check"; npx tsx scripts/security-check.ts
echo "== unit, integration and e2e tests"
scripts/with-keyring.sh npx vitest run
