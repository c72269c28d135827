/**
 * What the `dropsign link` sub-commands share: the register of issued links in the app data directory
 * (the same `links.json` the app keeps, so links made here show in the app and the other way round), the
 * sub-command shape, and how times are shown.
 */
import { IssuedLinkRegister } from '../../core/links/issued-link-register.js';
import { formatInstant } from '../../core/profiles/sts-expiry.js';
import { describeDuration } from '../../core/transfer/oss-error-info.js';
import { visibleLine } from '../../shared/visible-text.js';
import type { ProfileCli } from '../profile-cli-context.js';
import type { ProfileCliSubcommand } from '../profile-subcommands.js';

/** One `dropsign link` sub-command. */
export type LinkSubcommand = ProfileCliSubcommand;

/** The register of this run's app data directory; a set-aside file is a warning on stderr. */
export function linkRegisterFor(cli: ProfileCli): IssuedLinkRegister {
  return IssuedLinkRegister.inAppData(cli.appDataDir, { onNotice: (notice) => cli.warn(notice.message, notice.hint), now: cli.io.now });
}

/** `2026-11-21 09:00 UTC (in 1 hour)` or `… (3 minutes ago)`. */
export function whenText(iso: string, nowMs: number): string {
  const at = Date.parse(iso);
  const delta = at - nowMs;
  return `${formatInstant(at)} (${delta > 0 ? `in ${describeDuration(delta)}` : `${describeDuration(delta)} ago`})`;
}

/** Left-aligned columns, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string {
  // Cells hold keys and names from outside: one line each, whatever they contain (shared/visible-text.ts).
  const safe = rows.map((cells) => cells.map(visibleLine));
  const widths = safe[0]?.map((_, column) => Math.max(...safe.map((cells) => (cells[column] ?? '').length))) ?? [];
  return safe.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}
