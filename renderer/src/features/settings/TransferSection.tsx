/**
 * Transfer tuning: files at once, the multipart threshold and the part size (in MiB), each within the
 * contract's limits, and a note that changes apply at once (to uploads that start from then on).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '../../../../electron/shared/ipc/settings.js';
import { CommitInput } from './CommitInput.js';
import { SettingField } from './SettingField.js';
import { bytesOfMib, mibText, parseTyped, TYPED_BOUNDS } from './settings-units.js';
import type { SettingsSaver } from './use-save-settings.js';

type NumericSetting = keyof typeof TYPED_BOUNDS;

/** The section. */
export function TransferSection({ settings, saver }: { readonly settings: AppSettings; readonly saver: SettingsSaver }) {
  const { t } = useTranslation('settings');
  const [problems, setProblems] = useState<Partial<Record<NumericSetting, string>>>({});

  const setProblem = (name: NumericSetting, problem: string | undefined) =>
    setProblems((previous) => {
      const next = { ...previous };
      if (problem === undefined) delete next[name];
      else next[name] = problem;
      return next;
    });

  const commit = (name: NumericSetting, text: string) => {
    const bounds = TYPED_BOUNDS[name];
    const typed = parseTyped(text, bounds);
    if (typed === undefined) {
      setProblem(name, bounds.whole ? t('validation.wholeNumber', bounds) : t('validation.mebibytes', bounds));
      return;
    }
    setProblem(name, undefined);
    void saver.save(name, name === 'concurrency' ? typed : bytesOfMib(typed));
  };

  const field = (name: NumericSetting, value: string) => (
    <SettingField id={`setting-${name}`} label={t(`transfers.${name}.label`)} help={t(`transfers.${name}.help`, TYPED_BOUNDS[name])} problem={problems[name]} hostError={saver.errors[name]}>
      {(control) => (
        <CommitInput
          control={control}
          value={value}
          onCommit={(text) => commit(name, text)}
          onEdit={() => setProblem(name, undefined)}
          inputMode={TYPED_BOUNDS[name].whole ? 'numeric' : 'decimal'}
          maxLength={10}
        />
      )}
    </SettingField>
  );

  return (
    <section className="settings-section" aria-labelledby="settings-transfers">
      <h2 id="settings-transfers">{t('transfers.title')}</h2>
      <p className="help-text">{t('transfers.whenApplied')}</p>
      {field('concurrency', String(settings.concurrency))}
      {field('multipartThreshold', mibText(settings.multipartThreshold))}
      {field('partSize', mibText(settings.partSize))}
    </section>
  );
}
