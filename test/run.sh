#!/usr/bin/env bash
# `npm test`: builds, runs the unit and integration tests (inside a private keychain session), then the
# browser end-to-end tests (Playwright with Debian's Chromium), and ends with one plain line
# "N passed, M failed[, K skipped]". Extra arguments go to Vitest (for example a file filter) and then
# skip the end-to-end tests; DROPSIGN_E2E=0 skips them too.
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

# Headless Chromium needs no X server; a headed run (HEADED=1) without a display gets a virtual one.
if [ $# -eq 0 ] && [ "${DROPSIGN_E2E:-1}" != 0 ]; then
  display=()
  if [ -n "${HEADED:-}" ] && [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a -s '-screen 0 1280x800x24')
  fi
  PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" "${display[@]}" node_modules/.bin/playwright test \
    --config build/playwright.config.ts --reporter=list,json || status=1
fi

node build/scripts/summarize-tests.mjs "$reports" || status=1
exit "$status"
