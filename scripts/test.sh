#!/usr/bin/env bash
# `npm test`: every check, in order of speed; stops at the first failing stage and ends with one
# plain summary line ("tests: N passed, N failed").
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type-check"; npm run -s typecheck
echo "== lint"; npm run -s lint
echo "== format"; npx prettier --check . --log-level warn
echo "== build the renderer"; npx vite build --logLevel warn
echo "== build the Electron main and preload"; npx tsx scripts/build-electron.ts
echo "== Electron security check"; npx tsx scripts/security-check.ts
echo "== unit, renderer, integration and e2e tests (OS keychain in a private D-Bus session)"
mkdir -p test-results
status=0
bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
node scripts/test-summary.mjs test-results/vitest.json || echo "tests: 0 passed, 1 failed"
exit $status
