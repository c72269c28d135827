#!/usr/bin/env bash
# `npm test`: builds, runs the unit and integration tests (inside a private keychain session), then the
# browser end-to-end tests when present, and ends with one plain line "N passed, M failed[, K skipped]".
# Extra arguments go to Vitest (for example a file filter).
set -uo pipefail
cd "$(dirname "$0")/.."
reports=.tmp/test-reports
rm -rf "$reports" && mkdir -p "$reports"

if ! npm run --silent build; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
DROPSIGN_BUILT=1 bash test/helpers/with-keyring.sh node_modules/.bin/vitest run --config build/vitest.config.ts \
  --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" "$@" || status=1

node build/scripts/summarize-tests.mjs "$reports" || status=1
exit "$status"
