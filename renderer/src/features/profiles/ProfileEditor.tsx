/**
 * The profile form (new and edit): every field with its label, help and problem, Save and "Save and
 * test", the host's refusal next to the field it names, what saving did (live region) and the test's
 * report. The built-in `local` profile opens read-only, with Test only.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { controlId } from './editor-binding.js';
import { CredentialFields } from './CredentialFields.js';
import { DestinationFields } from './DestinationFields.js';
import { HostErrorNote } from './HostErrorNote.js';
import { LinkFields } from './LinkFields.js';
import { ProbeReport } from './ProbeReport.js';
import { ProfileWarnings } from './ProfileWarnings.js';
import { useProfileEditor } from './use-profile-editor.js';
import { useProfileTests } from './use-profile-tests.js';
import './profiles.css';

/** The editor of profile `name`, or of a new profile. */
export function ProfileEditor({ name }: { readonly name: string | undefined }) {
  const { t } = useTranslation('profiles');
  const [, navigate] = useLocation();
  const editor = useProfileEditor(name);
  const { tests, runTest } = useProfileTests();
  const { binding, outcome, load } = editor;
  const { mode, readOnly } = binding;

  useEffect(() => {
    if (editor.focusRequest !== undefined) document.getElementById(controlId(editor.focusRequest.field))?.focus();
  }, [editor.focusRequest]);

  const onSave = async (andTest: boolean) => {
    const saved = await editor.save();
    if (saved === undefined) return;
    if (name !== saved.name) navigate(`/edit/${encodeURIComponent(saved.name)}`, { replace: true });
    if (andTest) await runTest(saved.name);
  };

  const title = mode.kind === 'new' ? t('editor.newTitle') : readOnly ? t('editor.viewTitle') : t('editor.editTitle', { name: mode.original.name });
  const problemCount = Object.keys(editor.problems).length;
  const testName = mode.kind === 'edit' ? mode.original.name : undefined;
  const test = testName === undefined ? undefined : tests.get(testName);
  const saved = outcome?.kind === 'saved' ? outcome.result : undefined;

  return (
    <section className="page profiles-page profile-editor" data-testid="profile-editor">
      <header className="page-header">
        <h1>{load.kind === 'ready' ? title : t('title')}</h1>
        <Link href="/" className="button" data-testid="back-to-profiles">
          {t('actions.back')}
        </Link>
      </header>
      {load.kind === 'loading' && <p className="muted">{t('loading', { ns: 'common' })}</p>}
      {load.kind === 'failed' && <HostErrorNote error={load.error} title={load.error.code === 'profile-not-found' ? t('editor.notFound', { name: name ?? '' }) : t('loadFailed')} />}
      {load.kind === 'ready' && (
        <>
          {readOnly && (
            <p className="callout builtin-note" role="note" data-testid="builtin-note">
              {t('editor.builtInNote')}
            </p>
          )}
          <form
            className="profile-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!readOnly) void onSave(false);
            }}
          >
            {editor.submitted && problemCount > 0 && (
              <p className="form-problem" role="alert" data-testid="form-problems">
                {t('editor.fixErrors', { count: problemCount })}
              </p>
            )}
            <DestinationFields binding={binding} />
            <LinkFields binding={binding} />
            <CredentialFields binding={binding} />
            <div className="button-row form-actions">
              {readOnly ? (
                <button type="button" className="button" onClick={() => testName !== undefined && void runTest(testName)} disabled={test?.kind === 'running'} data-testid="test-profile">
                  {test?.kind === 'running' ? t('actions.testing') : t('actions.test')}
                </button>
              ) : (
                <>
                  <button type="submit" className="button button-primary" disabled={editor.saving} data-testid="save-profile">
                    {editor.saving ? t('actions.saving') : t('actions.save')}
                  </button>
                  <button type="button" className="button" disabled={editor.saving || test?.kind === 'running'} onClick={() => void onSave(true)} data-testid="save-and-test">
                    {t('actions.saveAndTest')}
                  </button>
                </>
              )}
            </div>
          </form>
          <p className="live-status" role="status" data-testid="editor-status">
            {saved === undefined
              ? ''
              : [t(saved.created ? 'status.created' : 'status.updated', { name: saved.profile.name }), saved.becameDefault ? t('status.becameDefault') : ''].join(' ').trim()}
          </p>
          {outcome?.kind === 'failed' && outcome.field === undefined && <HostErrorNote error={outcome.error} testId="save-error" />}
          {saved !== undefined && <ProfileWarnings warnings={saved.warnings} />}
          {testName !== undefined && test !== undefined && mode.kind === 'edit' && (
            <ProbeReport name={testName} state={test} subject={mode.original} />
          )}
        </>
      )}
    </section>
  );
}
