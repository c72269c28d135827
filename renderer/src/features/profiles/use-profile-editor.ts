/**
 * The profile form's state and actions: load the profile being edited (`profiles:get`), keep the draft,
 * check it as the host will, save it (`profiles:save`, `replace` when editing, the secret only when
 * typed), place the host's errors next to the field they name, and test after saving when asked.
 *
 * After the first save of a new profile the form carries on as the editor of what was saved (the caller
 * moves the address to it); the answer's view replaces the draft, so the secret typed is cleared.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ProfileSaveResult, ProfileView } from '../../../../electron/shared/ipc/profile-types.js';
import { useBridge } from '../../app/bridge-context.js';
import type { EditorBinding } from './editor-binding.js';
import { fieldOfError } from './host-error-field.js';
import { DRAFT_FIELDS, draftOf, EMPTY_DRAFT, saveRequestOf, type DraftField, type EditorMode, type ProfileDraft } from './profile-draft.js';
import { draftProblems, type DraftProblems } from './profile-rules.js';

/** Where loading the form is. */
export type EditorLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

/** What the last save did; a refusal names the field it is about when the host said. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly result: ProfileSaveResult }
  | { readonly kind: 'failed'; readonly error: ErrorInfo; readonly field: DraftField | undefined };

/** A field to move the focus to (the first with a problem), counted so the same field can be asked twice. */
export interface FocusRequest {
  readonly field: DraftField;
  readonly seq: number;
}

/** The editor. */
export interface ProfileEditorState {
  readonly load: EditorLoad;
  readonly binding: EditorBinding;
  readonly problems: DraftProblems;
  /** True once a save was tried: every problem shows from then on. */
  readonly submitted: boolean;
  readonly saving: boolean;
  readonly outcome: SaveOutcome | undefined;
  readonly focusRequest: FocusRequest | undefined;
  /** Saves; resolves the saved profile, or undefined when the form or the host refused. */
  readonly save: () => Promise<ProfileView | undefined>;
}

/** The editor of profile `name` (a new profile when undefined). */
export function useProfileEditor(name: string | undefined): ProfileEditorState {
  const { api } = useBridge();
  const [mode, setMode] = useState<EditorMode>({ kind: 'new' });
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [load, setLoad] = useState<EditorLoad>(name === undefined ? { kind: 'ready' } : { kind: 'loading' });
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [hostErrors, setHostErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | undefined>(undefined);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | undefined>(undefined);
  const focus = (field: DraftField) => setFocusRequest((previous) => ({ field, seq: (previous?.seq ?? 0) + 1 }));
  // The profile the form holds; a new address naming it (after the first save) needs no reload.
  const holding = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (name === undefined || name === holding.current) return undefined;
    let live = true;
    setLoad({ kind: 'loading' });
    void api.invoke('profiles:get', name).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setLoad({ kind: 'failed', error: answer.error });
      holding.current = answer.value.name;
      setMode({ kind: 'edit', original: answer.value });
      setDraft(draftOf(answer.value));
      setLoad({ kind: 'ready' });
    });
    return () => void (live = false);
  }, [api, name]);

  const problems = useMemo(() => draftProblems(draft, mode), [draft, mode]);
  const readOnly = mode.kind === 'edit' && mode.original.builtIn;

  const change = useCallback((patch: Partial<ProfileDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    // A field the user changed no longer carries what the host said about its old value.
    setHostErrors((previous) => {
      const next = { ...previous };
      for (const field of Object.keys(patch) as DraftField[]) delete next[field];
      return next;
    });
  }, []);
  const touch = useCallback((field: DraftField) => setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field))), []);

  const binding: EditorBinding = {
    draft,
    mode,
    readOnly,
    change,
    touch,
    problemOf: (field) => (submitted || touched.has(field) ? problems[field] : undefined),
    hostMessageOf: (field) => hostErrors[field],
  };

  const save = async (): Promise<ProfileView | undefined> => {
    setSubmitted(true);
    setOutcome(undefined);
    if (readOnly) return undefined;
    const first = DRAFT_FIELDS.find((field) => problems[field] !== undefined);
    if (first !== undefined) {
      focus(first);
      return undefined;
    }
    setSaving(true);
    const answer = await api.invoke('profiles:save', saveRequestOf(draft, mode));
    setSaving(false);
    if (!answer.ok) {
      const field = fieldOfError(answer.error, draft);
      if (field !== undefined) {
        setHostErrors((previous) => ({ ...previous, [field]: `${answer.error.message} ${answer.error.hint}`.trim() }));
        focus(field);
      }
      setOutcome({ kind: 'failed', error: answer.error, field });
      return undefined;
    }
    const saved = answer.value.profile;
    holding.current = saved.name;
    setMode({ kind: 'edit', original: saved });
    setDraft(draftOf(saved));
    setTouched(new Set());
    setSubmitted(false);
    setHostErrors({});
    setOutcome({ kind: 'saved', result: answer.value });
    return saved;
  };

  return { load, binding, problems, submitted, saving, outcome, focusRequest, save };
}
