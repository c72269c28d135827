/**
 * "Choose files" and "Choose folder": the keyboard- and screen-reader-friendly way to add files.
 */
import { useEffect, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedFile } from '../../bridge/dropsign-api.js';
import { filesFromInput } from './collect-files.js';

/** The two pickers; `onPick` gets what was chosen. */
export function PickButtons({ onPick }: { readonly onPick: (files: PickedFile[]) => void }) {
  const { t } = useTranslation('upload');
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not a React prop: set on the element. Every current browser supports folder picking this way.
    if (folderInput.current !== null) folderInput.current.webkitdirectory = true;
  }, []);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const { files } = event.currentTarget;
    if (files !== null) onPick(filesFromInput(files));
    event.currentTarget.value = '';
  };
  return (
    <div className="pick-actions">
      <button type="button" className="button button-primary" onClick={() => filesInput.current?.click()}>
        {t('dropBar.pickFiles')}
      </button>
      <button type="button" className="button" onClick={() => folderInput.current?.click()}>
        {t('dropBar.pickFolder')}
      </button>
      <input ref={filesInput} type="file" multiple hidden onChange={onChange} data-testid="pick-files" />
      <input ref={folderInput} type="file" hidden onChange={onChange} data-testid="pick-folder" />
    </div>
  );
}
