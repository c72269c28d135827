/**
 * Saving an upload link's drop page: asks the host for the page (`links:drop-page`) and hands it to the
 * browser as a download (download-text.ts), which works in browser mode and in the desktop window.
 * Remembers, for the one link it last saved, whether it is busy, saved (under which name) or failed.
 */
import { useCallback, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { Language } from '../../../../electron/shared/ipc/settings.js';
import { useBridge } from '../../app/bridge-context.js';
import { downloadText } from './download-text.js';

/** How the last save went, for the link `id`. */
export type DropPageSaving =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly id: string }
  | { readonly kind: 'saved'; readonly id: string; readonly fileName: string }
  | { readonly kind: 'failed'; readonly id: string; readonly error: ErrorInfo };

const IDLE: DropPageSaving = { kind: 'idle' };

/** The save, and how it went. */
export function useSaveDropPage(): { readonly saving: DropPageSaving; readonly save: (id: string, language: Language) => Promise<void>; readonly reset: () => void } {
  const { api } = useBridge();
  const [saving, setSaving] = useState<DropPageSaving>(IDLE);
  const save = useCallback(
    async (id: string, language: Language) => {
      setSaving({ kind: 'busy', id });
      const answer = await api.invoke('links:drop-page', id, language);
      if (!answer.ok) {
        setSaving({ kind: 'failed', id, error: answer.error });
        return;
      }
      downloadText(answer.value.fileName, answer.value.html, 'text/html;charset=utf-8');
      setSaving({ kind: 'saved', id, fileName: answer.value.fileName });
    },
    [api],
  );
  const reset = useCallback(() => setSaving(IDLE), []);
  return { saving, save, reset };
}
