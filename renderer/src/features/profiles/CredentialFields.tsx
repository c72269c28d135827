/**
 * The profile form's credentials: the AccessKey ID, the secret (write-only: never shown by the host, and
 * left empty when editing to keep the stored one), the optional STS token and its expiry, and where the
 * secret is kept (with the keychain's state when it cannot be used).
 */
import { useTranslation } from 'react-i18next';
import { controlId, type EditorBinding } from './editor-binding.js';
import { FormField } from './FormField.js';
import { KeychainNote } from './KeychainNote.js';
import { FIELD_MAX_LENGTH } from './profile-rules.js';
import { SecretInput } from './SecretInput.js';
import { SelectField } from './SelectField.js';
import { TextField } from './TextField.js';

/** The fields. */
export function CredentialFields({ binding }: { readonly binding: EditorBinding }) {
  const { t } = useTranslation('profiles');
  const { draft, mode } = binding;
  return (
    <fieldset className="form-section">
      <legend>{t('editor.sections.credentials')}</legend>
      <TextField binding={binding} field="accessKeyId" label={t('editor.accessKeyId.label')} help={t('editor.accessKeyId.help')} need="required" maxLength={FIELD_MAX_LENGTH.accessKeyId} />
      {!binding.readOnly && (
        <>
          <FormField
            id={controlId('secret')}
            label={t('editor.secret.label')}
            help={mode.kind === 'edit' ? t('editor.secret.helpEdit') : t('editor.secret.helpNew')}
            need={mode.kind === 'edit' ? 'optional' : 'required'}
            problem={binding.problemOf('secret')}
            hostMessage={binding.hostMessageOf('secret')}
          >
            {(control) => (
              <SecretInput
                control={control}
                value={draft.secret}
                onChange={(secret) => binding.change({ secret })}
                onBlur={() => binding.touch('secret')}
                maxLength={FIELD_MAX_LENGTH.secret}
              />
            )}
          </FormField>
          <TextField binding={binding} field="securityToken" label={t('editor.securityToken.label')} help={t('editor.securityToken.help')} need="optional" maxLength={FIELD_MAX_LENGTH.securityToken} />
          <TextField binding={binding} field="securityTokenExpiresAt" type="datetime-local" label={t('editor.securityTokenExpiresAt.label')} help={t('editor.securityTokenExpiresAt.help')} need="optional" />
        </>
      )}
      {binding.readOnly ? (
        <p className="help-text">{t('secretStatusHelp.builtIn')}</p>
      ) : (
        <SelectField
          binding={binding}
          field="secretStore"
          label={t('editor.secretStore.label')}
          help={draft.secretStore === 'keychain' ? t('editor.secretStore.helpKeychain') : t('editor.secretStore.helpFile')}
          options={(['keychain', 'encrypted-file'] as const).map((value) => ({ value, label: t(`editor.secretStore.${value}`) }))}
        />
      )}
      {draft.secretStore === 'keychain' && !binding.readOnly && <KeychainNote />}
    </fieldset>
  );
}
