#!/usr/bin/env node
// Reads the JSON reports the test runners wrote into a folder (Vitest's and Playwright's) and prints one
// plain line, "N passed, M failed[, K skipped]", which CI reads. Exits 1 when anything failed or a
// runner left no report (a runner that crashed must not look green).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.tmp/test-reports';
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + countFailedSuites(report);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  console.log('vitest left no report');
  failed += 1;
}

const playwright = join(dir, 'playwright.json');
if (existsSync(playwright)) {
  const stats = JSON.parse(readFileSync(playwright, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;

/** Test files that failed to load count as failures even though no test inside them ran. */
function countFailedSuites(report) {
  return (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
}
