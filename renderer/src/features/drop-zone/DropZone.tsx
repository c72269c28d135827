/**
 * The whole window is the drop zone: drop files or folders anywhere to upload them to the default
 * profile. Shows an overlay while something is dragged over, and how far staging has got.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useBridge } from '../../app/bridge-context.js';
import { formatBytes } from '../../app/format.js';
import { filesFromDrop } from './collect-files.js';
import { PickButtons } from './PickButtons.js';
import { useUpload, type UploadPhase } from './use-upload.js';

function phaseText(phase: UploadPhase): string | undefined {
  if (phase.kind === 'enqueueing') return 'Adding to the queue…';
  if (phase.kind !== 'staging') return undefined;
  const { filesDone, filesTotal, bytesSent, bytesTotal } = phase.progress;
  return `Sending files to Dropsign: ${filesDone} of ${filesTotal} (${formatBytes(bytesSent)} of ${formatBytes(bytesTotal)})…`;
}

/** Wraps the app: `children` (everything else on the page) below the drop bar. */
export function DropZone({ children }: { readonly children: ReactNode }) {
  const bridge = useBridge();
  const { phase, upload } = useUpload(bridge);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer really left.
  const depth = useRef(0);

  const onDragEnter = (event: DragEvent) => {
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    void filesFromDrop(event.dataTransfer, bridge.stager.needsFileContents).then(upload);
  };

  const status = phaseText(phase);
  return (
    <div className="drop-zone" data-testid="drop-zone" onDragEnter={onDragEnter} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <div className="drop-bar">
        <p className="drop-hint">Drop files or folders anywhere in this window to upload them.</p>
        <PickButtons onPick={(files) => void upload(files)} />
      </div>
      {status !== undefined && (
        <p className="staging" role="status" data-testid="staging">
          {status}
        </p>
      )}
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to upload
        </div>
      )}
    </div>
  );
}
