/**
 * The whole window is the drop target: files or folders dropped (or pasted) on any screen upload to the
 * remembered destination, and bring the user to the upload screen to watch them. While files are dragged
 * over the window an overlay says where they will go. Drags that carry no files (text, links) are ignored.
 */
import { useCallback, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useBridge } from '../../app/bridge-context.js';
import { ROUTES } from '../../app/routes.js';
import type { PickedFile } from '../../bridge/dropsign-api.js';
import { useAppStore } from '../../store/index.js';
import { filesFromDrop } from './collect-files.js';
import { usePasteUpload } from './use-paste-upload.js';
import { useUpload } from './use-upload.js';
import './drop-zone.css';

function carriesFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

/** Wraps the app: `children` is everything else on the page. */
export function DropZone({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation('upload');
  const bridge = useBridge();
  const upload = useUpload();
  const [location, navigate] = useLocation();
  const profile = useAppStore((state) => state.settings?.uploadProfile ?? state.info?.defaultProfile);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer really left.
  const depth = useRef(0);

  const deliver = useCallback(
    (files: PickedFile[]) => {
      if (files.length === 0) return;
      if (location !== ROUTES.upload) navigate(ROUTES.upload);
      void upload(files);
    },
    [location, navigate, upload],
  );
  usePasteUpload(deliver);

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    void filesFromDrop(event.dataTransfer, bridge.stager.needsFileContents).then(deliver);
  };

  return (
    <div
      className={dragging ? 'drop-target is-dragging' : 'drop-target'}
      data-testid="drop-zone"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {children}
      {dragging && (
        <div className="drop-target-overlay" aria-hidden="true" data-testid="drop-overlay">
          <p className="drop-target-title">{t('overlay.title')}</p>
          {profile !== undefined && <p className="drop-target-to">{t('overlay.to', { profile })}</p>}
        </div>
      )}
    </div>
  );
}
