/**
 * The live view of `dropsign upload` on a terminal: a bar for the whole queue and one per file in flight
 * (cli-progress), on standard error so standard output stays clean for the results. Off a terminal it prints
 * one line per finished file instead, so logs stay readable.
 */
import cliProgress from 'cli-progress';
import type { ProgressBatch, TransferEvent, TransferId } from '../../shared/transfer.js';
import { visibleLine, visibleText } from '../../shared/visible-text.js';
import { formatSize } from '../size-flag.js';

/** Why 6: enough bars to see the parallel uploads (default 4) without the display outgrowing a terminal. */
const MAX_FILE_BARS = 6;

/** What the display needs to know about a transfer. */
interface Row {
  readonly name: string;
  readonly size: number;
}

/** Shows progress batches and state events; `stop()` clears the bars before the summary is printed. */
export class ProgressDisplay {
  private readonly rows = new Map<TransferId, Row>();
  private readonly bars = new Map<TransferId, cliProgress.SingleBar>();
  private readonly multi: cliProgress.MultiBar | undefined;
  private readonly total: cliProgress.SingleBar | undefined;

  constructor(private readonly stream: NodeJS.WriteStream) {
    if (stream.isTTY === true) {
      this.multi = new cliProgress.MultiBar(
        {
          stream,
          clearOnComplete: true,
          hideCursor: true,
          format: ' {bar} {percentage}% | {label}',
          formatValue: (value, options, type) => (type === 'percentage' ? String(value).padStart(3) : cliProgress.Format.ValueFormat(value, options, type)),
        },
        cliProgress.Presets.shades_classic,
      );
      this.total = this.multi.create(1, 0, { label: 'starting...' });
    }
  }

  /** Applies a state event: new files, finished files. */
  event(event: TransferEvent): void {
    if (event.kind === 'added') {
      // cli-progress writes to the terminal itself, past CliIo: names are made safe here (shared/visible-text.ts).
      this.rows.set(event.transfer.id, { name: visibleLine(event.transfer.name), size: event.transfer.size });
      return;
    }
    if (event.kind === 'removed') {
      this.dropBar(event.id);
      return;
    }
    const row = this.rows.get(event.id);
    const final = event.state.kind === 'done' || event.state.kind === 'failed' || event.state.kind === 'skipped' || event.state.kind === 'canceled';
    if (final) {
      this.dropBar(event.id);
      if (this.multi === undefined) {
        const reason = event.state.kind === 'failed' ? `: ${event.state.error.message}` : '';
        this.stream.write(visibleText(`${event.state.kind} ${event.key === '' ? (row?.name ?? event.id) : visibleLine(event.key)}${reason}\n`));
      }
    }
  }

  /** Applies a coalesced progress batch: one redraw for the whole queue. */
  progress(batch: ProgressBatch): void {
    if (this.multi === undefined || this.total === undefined) return;
    const t = batch.totals;
    const eta = t.etaSeconds === undefined ? '' : `, ${Math.ceil(t.etaSeconds)} s left`;
    this.total.setTotal(Math.max(t.bytesTotal, 1));
    this.total.update(t.bytesSent, {
      label: `${t.filesDone}/${t.files} files, ${formatSize(t.bytesSent)} of ${formatSize(t.bytesTotal)}, ${formatSize(t.bytesPerSecond)}/s${eta}`,
    });
    for (const sample of batch.samples) {
      const row = this.rows.get(sample.id);
      if (row === undefined) continue;
      let bar = this.bars.get(sample.id);
      if (bar === undefined) {
        if (this.bars.size >= MAX_FILE_BARS) continue;
        bar = this.multi.create(Math.max(row.size, 1), 0, { label: row.name });
        this.bars.set(sample.id, bar);
      }
      bar.update(sample.bytesSent, { label: `${row.name} ${formatSize(sample.bytesPerSecond)}/s` });
    }
  }

  /** Removes the bars (the summary follows). */
  stop(): void {
    this.multi?.stop();
  }

  private dropBar(id: TransferId): void {
    const bar = this.bars.get(id);
    if (bar !== undefined && this.multi !== undefined) this.multi.remove(bar);
    this.bars.delete(id);
  }
}
