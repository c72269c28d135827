/**
 * The profile form's keys and links: key prefix and template (how uploads are named), custom domain and
 * public URL template (what share links look like), and how long share links stay valid.
 */
import { useTranslation } from 'react-i18next';
import { ExpiryPicker } from '../settings/ExpiryPicker.js';
import { controlId, type EditorBinding } from './editor-binding.js';
import { FormField } from './FormField.js';
import { FIELD_MAX_LENGTH } from './profile-rules.js';
import { TextField } from './TextField.js';

/** The fields. */
export function LinkFields({ binding }: { readonly binding: EditorBinding }) {
  const { t } = useTranslation('profiles');
  return (
    <fieldset className="form-section">
      <legend>{t('editor.sections.keys')}</legend>
      <TextField binding={binding} field="keyPrefix" label={t('editor.keyPrefix.label')} help={t('editor.keyPrefix.help')} need="optional" placeholder="uploads/" maxLength={FIELD_MAX_LENGTH.keyPrefix} />
      <TextField binding={binding} field="keyTemplate" label={t('editor.keyTemplate.label')} help={t('editor.keyTemplate.help')} need="optional" placeholder="{path}" maxLength={FIELD_MAX_LENGTH.keyTemplate} />
      <TextField binding={binding} field="customDomain" label={t('editor.customDomain.label')} help={t('editor.customDomain.help')} need="optional" placeholder="https://files.example.com" maxLength={FIELD_MAX_LENGTH.customDomain} />
      <TextField
        binding={binding}
        field="publicUrlTemplate"
        label={t('editor.publicUrlTemplate.label')}
        help={t('editor.publicUrlTemplate.help')}
        need="optional"
        placeholder="https://cdn.example.com/{key}"
        maxLength={FIELD_MAX_LENGTH.publicUrlTemplate}
      />
      <FormField
        id={controlId('linkExpirySeconds')}
        label={t('editor.linkExpiry.label')}
        help={t('editor.linkExpiry.help')}
        problem={binding.problemOf('linkExpirySeconds')}
        hostMessage={binding.hostMessageOf('linkExpirySeconds')}
      >
        {(control) => (
          <ExpiryPicker
            id={control.id}
            seconds={binding.draft.linkExpirySeconds}
            describedBy={control['aria-describedby']}
            invalid={control['aria-invalid']}
            disabled={binding.readOnly}
            onCommit={(seconds) => {
              binding.change({ linkExpirySeconds: seconds });
              binding.touch('linkExpirySeconds');
            }}
          />
        )}
      </FormField>
    </fieldset>
  );
}
