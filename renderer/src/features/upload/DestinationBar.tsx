/**
 * Where every drop goes: a profile (the default one marked) and a key prefix, remembered through
 * `settings:set` (`uploadProfile`, `uploadPrefix`; null follows the default profile and the profile's own
 * prefix), and the `bucket/prefix/` the files will land under. The prefix is saved when the field is left
 * or Enter is pressed; Escape puts back the saved one.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../../electron/shared/ipc/settings.js';
import { useBridge } from '../../app/bridge-context.js';
import { appStore, useAppStore } from '../../store/index.js';
import { chosenProfile, destinationLabel, effectivePrefix, prefixPatch, profilePatch } from './destination.js';
import { useProfiles } from './use-profiles.js';
import './upload-page.css';

/** The bar. */
export function DestinationBar() {
  const { t } = useTranslation('upload');
  const { api } = useBridge();
  const profiles = useProfiles();
  const settings = useAppStore((state) => state.settings);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const saving = useRef<string | undefined>(undefined);
  const profileId = useId();
  const prefixId = useId();

  const list = profiles.kind === 'ready' ? profiles.list : undefined;
  const selectedName = settings?.uploadProfile ?? list?.defaultProfile ?? '';
  const profile = list === undefined ? undefined : chosenProfile(list, settings);
  const savedPrefix = effectivePrefix(profile, settings);
  const missing = list !== undefined && profile === undefined;

  const save = (patch: SettingsPatch): Promise<void> =>
    api.invoke('settings:set', patch).then((result) => {
      const { setSettings, pushNotice } = appStore.getState();
      if (result.ok) setSettings(result.value);
      else pushNotice({ level: 'error', code: result.error.code, message: `${t('destination.saveFailed')} ${result.error.message}`, hint: result.error.hint });
    });
  const commitPrefix = (): void => {
    if (draft === undefined || draft === saving.current) return;
    const patch = prefixPatch(profile, draft);
    if (patch.uploadPrefix === (settings?.uploadPrefix ?? null)) {
      setDraft(undefined);
      return;
    }
    // The typed text stays until the saved one replaces it (no flash of the old prefix); Enter then
    // leaving the field saves it once.
    saving.current = draft;
    void save(patch).then(() => {
      saving.current = undefined;
      setDraft(undefined);
    });
  };
  const onPrefixKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') commitPrefix();
    if (event.key === 'Escape') setDraft(undefined);
  };

  return (
    <section className="destination-bar" aria-label={t('destination.label')} data-testid="destination-bar">
      <div className="destination-field">
        <label htmlFor={profileId}>{t('destination.profile')}</label>
        <select
          id={profileId}
          value={list === undefined ? '' : selectedName}
          disabled={list === undefined}
          onChange={(event) => {
            if (list !== undefined) void save(profilePatch(list, event.currentTarget.value));
          }}
          data-testid="destination-profile"
        >
          {list === undefined && <option value="">{profiles.kind === 'loading' ? t('destination.loading') : selectedName}</option>}
          {list?.profiles.map((view) => (
            <option key={view.name} value={view.name}>
              {view.name === list.defaultProfile ? t('destination.defaultProfile', { name: view.name }) : view.name}
            </option>
          ))}
          {missing && <option value={selectedName}>{t('destination.missingProfile', { name: selectedName })}</option>}
        </select>
      </div>
      <div className="destination-field destination-prefix">
        <label htmlFor={prefixId}>{t('destination.prefix')}</label>
        <input
          id={prefixId}
          type="text"
          value={draft ?? savedPrefix}
          placeholder={t('destination.prefixPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={commitPrefix}
          onKeyDown={onPrefixKey}
          data-testid="destination-prefix"
        />
        {settings?.uploadPrefix !== null && settings?.uploadPrefix !== undefined && profile !== undefined && (
          <button type="button" className="button button-small" onClick={() => void save({ uploadPrefix: null })}>
            {t('destination.resetPrefix')}
          </button>
        )}
      </div>
      <p className="destination-target">
        {profile !== undefined && (
          <>
            {t('destination.goesTo')} <output data-testid="destination">{destinationLabel(profile.bucket, draft ?? savedPrefix)}</output>{' '}
            <span className="destination-note">{t('destination.structure')}</span>
          </>
        )}
        {missing && <span className="destination-warning">{t('destination.missingWarning', { name: selectedName })}</span>}
        {profiles.kind === 'failed' && <span className="destination-warning">{t('destination.loadFailed')}</span>}
      </p>
    </section>
  );
}
