/**
 * What `dropsign upload` reports per file and at the end: one JSON object per file and a summary object
 * (`--json`), or a table for people.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { TransferView } from '../../shared/transfer.js';
import { visibleLine } from '../../shared/visible-text.js';
import { formatSize } from '../size-flag.js';

/** Per-file outcome, as `--json` prints it (one object per line). */
export interface FileRecord {
  readonly path: string;
  readonly key: string | null;
  readonly size: number | null;
  readonly etag: string | null;
  readonly crc64: string | null;
  readonly link: string | null;
  readonly status: 'done' | 'skipped' | 'failed' | 'canceled' | 'paused' | 'queued';
  readonly error: ErrorInfo | null;
}

/** The last `--json` line. */
export interface SummaryRecord {
  readonly summary: true;
  readonly files: number;
  readonly done: number;
  readonly skipped: number;
  readonly failed: number;
  readonly bytes: number;
  readonly seconds: number;
}

/** The record of one transfer in its final (or paused) state. */
export function transferRecord(view: TransferView): FileRecord {
  const state = view.state;
  const base = { path: view.path, key: view.key === '' ? null : view.key, size: view.size };
  switch (state.kind) {
    case 'done':
      return {
        ...base,
        etag: state.result.etag,
        crc64: state.result.crc64 ?? null,
        link: state.result.link?.url ?? null,
        status: 'done',
        error: null,
      };
    case 'skipped':
      return { ...base, etag: null, crc64: null, link: null, status: 'skipped', error: null };
    case 'failed':
      return { ...base, etag: null, crc64: null, link: null, status: 'failed', error: state.error };
    case 'canceled':
    case 'paused':
    case 'queued':
      return { ...base, etag: null, crc64: null, link: null, status: state.kind, error: null };
    case 'uploading':
    case 'waiting-retry':
      // Not final: the upload was interrupted (the command is stopping); it resumes next time.
      return { ...base, etag: null, crc64: null, link: null, status: 'queued', error: null };
  }
}

/** The record of a dropped path that never became a transfer (vanished, unreadable, a loop...). */
export function problemRecord(path: string, error: ErrorInfo): FileRecord {
  return { path, key: null, size: null, etag: null, crc64: null, link: null, status: 'failed', error };
}

/** Totals over all records. */
export function summarize(records: readonly FileRecord[], seconds: number): SummaryRecord {
  const count = (status: FileRecord['status']): number => records.filter((r) => r.status === status).length;
  return {
    summary: true,
    files: records.length,
    done: count('done'),
    skipped: count('skipped'),
    failed: count('failed') + count('canceled'),
    bytes: records.reduce((sum, r) => sum + (r.status === 'done' ? (r.size ?? 0) : 0), 0),
    seconds: Number(seconds.toFixed(2)),
  };
}

/** The table people see at the end: one line per file, failures with their reason and fix, then totals. */
export function summaryTable(records: readonly FileRecord[], summary: SummaryRecord): string {
  const lines: string[] = [];
  for (const record of records) {
    const size = record.size === null ? '' : formatSize(record.size);
    const where = visibleLine(record.key ?? record.path);
    lines.push(`${STATUS_MARK[record.status]} ${record.status.padEnd(8)} ${size.padStart(9)}  ${where}`);
    if (record.link !== null) lines.push(`                       ${record.link}`);
    if (record.error !== null) lines.push(`                       ${visibleLine(record.error.message)} ${visibleLine(record.error.hint)}`);
  }
  const rate = summary.seconds > 0 ? ` at ${formatSize(summary.bytes / summary.seconds)}/s` : '';
  lines.push(
    '',
    `${summary.done} uploaded (${formatSize(summary.bytes)}${rate}), ${summary.skipped} skipped, ${summary.failed} failed, in ${summary.seconds} s.`,
  );
  return `${lines.join('\n')}\n`;
}

/** One character per status, readable without colour. */
const STATUS_MARK: Readonly<Record<FileRecord['status'], string>> = {
  done: '✓',
  skipped: '-',
  failed: '✗',
  canceled: '✗',
  paused: '‖',
  queued: '…',
};
