#!/usr/bin/env bash
# First step of `npm run app`: checks Node, installs missing system packages (or says exactly which),
# installs the npm dependencies when the lockfile changed, and builds. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/../.."

required_major=20 required_minor=19
if ! command -v node >/dev/null; then
  echo "Dropsign needs Node.js ${required_major}.${required_minor} or newer: https://nodejs.org/" >&2; exit 1
fi
read -r major minor < <(node -p 'process.versions.node.split(".").slice(0, 2).join(" ")')
if [ "$major" -lt "$required_major" ] || { [ "$major" -eq "$required_major" ] && [ "$minor" -lt "$required_minor" ]; }; then
  echo "Dropsign needs Node.js ${required_major}.${required_minor} or newer; this is $(node --version)." >&2; exit 1
fi

bash build/scripts/install-system-deps.sh

# Reinstall only when package-lock.json is newer than the last install (npm writes this file on install).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm run --silent build
fi
