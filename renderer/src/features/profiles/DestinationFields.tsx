/**
 * The profile form's destination: name, provider, signing scheme, region, endpoint (with the custom
 * address and where requests will go), addressing style and bucket. The choices offered follow the
 * provider: OSS signs with OSS V4 or V1 and has internal endpoints; S3-compatible stores sign with SigV4.
 */
import { useTranslation } from 'react-i18next';
import type { EditorBinding } from './editor-binding.js';
import { endpointUrlOf } from './endpoint-url.js';
import { endpointKindsFor, schemesFor, withProvider, type StyleChoice } from './profile-draft.js';
import { FIELD_MAX_LENGTH } from './profile-rules.js';
import { SelectField } from './SelectField.js';
import { TextField } from './TextField.js';

const STYLES: readonly StyleChoice[] = ['auto', 'virtual-hosted', 'path', 'cname'];

/** The fields. */
export function DestinationFields({ binding }: { readonly binding: EditorBinding }) {
  const { t } = useTranslation('profiles');
  const { draft, mode } = binding;
  const oss = draft.provider === 'oss';
  const resolved = endpointUrlOf(draft.provider, draft.endpointKind, draft.region, draft.endpointUrl);
  return (
    <fieldset className="form-section">
      <legend>{t('editor.sections.destination')}</legend>
      <TextField
        binding={binding}
        field="name"
        label={t('editor.name.label')}
        help={mode.kind === 'edit' ? t('editor.name.fixed') : t('editor.name.help')}
        need="required"
        placeholder="prod"
        maxLength={64}
        readOnly={mode.kind === 'edit'}
      />
      <SelectField
        binding={binding}
        field="provider"
        label={t('editor.provider.label')}
        help={t('editor.provider.help')}
        options={(['oss', 's3'] as const).map((value) => ({ value, label: t(`provider.${value}`) }))}
        onPick={(provider) => binding.change(withProvider(draft, provider))}
      />
      <SelectField
        binding={binding}
        field="scheme"
        label={t('editor.scheme.label')}
        help={t('editor.scheme.help')}
        options={schemesFor(draft.provider).map((value) => ({ value, label: t(`editor.scheme.${value}`) }))}
      />
      <TextField
        binding={binding}
        field="region"
        label={t('editor.region.label')}
        help={oss ? t('editor.region.helpOss') : t('editor.region.helpS3')}
        need="required"
        placeholder={oss ? 'cn-hangzhou' : 'us-east-1'}
        maxLength={64}
      />
      <SelectField
        binding={binding}
        field="endpointKind"
        label={t('editor.endpoint.label')}
        help={t('editor.endpoint.help')}
        options={endpointKindsFor(draft.provider).map((value) => ({ value, label: t(`editor.endpoint.${value}`) }))}
      />
      {draft.endpointKind === 'custom' && (
        <TextField
          binding={binding}
          field="endpointUrl"
          label={t('editor.endpoint.urlLabel')}
          help={t('editor.endpoint.urlHelp')}
          need="required"
          placeholder={oss ? 'https://oss-cn-hangzhou.aliyuncs.com' : 'http://127.0.0.1:9000'}
          maxLength={FIELD_MAX_LENGTH.endpointUrl}
        />
      )}
      {resolved !== undefined && (
        <p className="help-text endpoint-resolved" data-testid="endpoint-resolved">
          {t('editor.endpoint.resolved', { url: resolved })}
        </p>
      )}
      <SelectField
        binding={binding}
        field="style"
        label={t('editor.style.label')}
        help={t('editor.style.help')}
        options={STYLES.filter((value) => value !== 'cname' || draft.endpointKind === 'custom' || draft.style === 'cname').map((value) => ({ value, label: t(`editor.style.${value}`) }))}
      />
      <TextField
        binding={binding}
        field="bucket"
        label={t('editor.bucket.label')}
        help={oss ? t('editor.bucket.helpOss') : t('editor.bucket.helpS3')}
        need="required"
        placeholder="my-bucket"
        maxLength={63}
      />
    </fieldset>
  );
}
