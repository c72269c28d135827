/**
 * The upload function for components: {@link uploadFiles} bound to the page's bridge, store and language.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../app/bridge-context.js';
import type { PickedFile } from '../../bridge/dropsign-api.js';
import { appStore } from '../../store/index.js';
import { uploadFiles } from './upload-files.js';

/** Returns the function that uploads picked, dropped or pasted files. */
export function useUpload(): (files: readonly PickedFile[]) => Promise<void> {
  const bridge = useBridge();
  const { t } = useTranslation('upload');
  return useCallback((files: readonly PickedFile[]) => uploadFiles(files, { bridge, store: appStore, t }), [bridge, t]);
}
