/**
 * The register of issued links as CSV (`links:export-csv`, `dropsign link list --csv`): RFC 4180 (CRLF,
 * quotes where needed) with a UTF-8 byte-order mark, so spreadsheets read keys in any script correctly.
 * Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are prefixed with `'`.
 */
import { stringify } from 'csv-stringify/sync';
import type { IssuedLinksCsv, IssuedLinkView } from '../../shared/ipc/link-types.js';

/** The column titles, in order. */
export const CSV_COLUMNS = ['Issued at', 'Method', 'Profile', 'Bucket', 'Key', 'Expires at', 'Status', 'URL', 'Required headers'] as const;

/** `active` or `expired`, at `nowMs`. */
export function linkStatus(link: Pick<IssuedLinkView, 'expiresAt'>, nowMs: number): 'active' | 'expired' {
  return Date.parse(link.expiresAt) > nowMs ? 'active' : 'expired';
}

/** `content-type: image/png; x-oss-meta-a: b`: the headers the other side must send, in one cell. */
export function headersCell(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
}

/** `dropsign-links-2026-11-21.csv`, dated in UTC. */
export function csvFileName(nowMs: number): string {
  return `dropsign-links-${new Date(nowMs).toISOString().slice(0, 10)}.csv`;
}

/** The CSV of `links` (in the order given), each link's status as of `nowMs`. */
export function issuedLinksCsv(links: readonly IssuedLinkView[], nowMs: number): IssuedLinksCsv {
  const rows = links.map((link) => [
    link.issuedAt,
    link.method,
    link.profile,
    link.bucket,
    link.key,
    link.expiresAt,
    linkStatus(link, nowMs),
    link.url,
    headersCell(link.headers),
  ]);
  const csv = stringify([[...CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows', escape_formulas: true });
  return { fileName: csvFileName(nowMs), csv };
}
