'use client';

import type { DataUseContentInput } from '@sesame/domain';
import { statusesReachableByEdit, type LifecycleStatus } from '@sesame/domain/client';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useMemo, useRef, type MouseEvent } from 'react';

import { ErrorSummary, FormErrorList, type FormError } from '@/components/forms/ErrorSummary';
import { initialFormState } from '@/components/forms/form-state';

import styles from './editor.module.css';
import type { EditorState } from './editor-state';
import { EditorContents, EditorContext, EditorSections, inputId, SubmitButton, useFieldNames } from './EditorFields';
import { compareFormOrder } from './fields';
import { formValues } from './form-content';
import { redactionCandidates } from './redaction-options';

type Props = {
  action: (previous: EditorState, formData: FormData) => Promise<EditorState>;
  mode: 'create' | 'edit';
  reference?: string;
  /** A published record: each save is a new public version, with a change note. */
  published?: boolean;
  revision?: number;
  content: DataUseContentInput;
  /** The record's status as saved (the status select offers the moves an edit may make from it). */
  savedStatus: LifecycleStatus;
  neighbourhoods: { id: string; name: string }[];
  /** A first message (the draft was just created…) and slots asked for before. */
  initialState?: EditorState;
};

/** Moves focus to a field from an error link, showing its label too (links alone scroll inputs under their label). */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, name: string) {
  const target = document.getElementById(inputId(name));
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  (target.closest('.field, fieldset, [role="group"]') ?? target).scrollIntoView({ block: 'start' });
}

/**
 * The register's editor: one long form in sections that works without
 * JavaScript (the server action answers with the page). The person's input
 * is shown again after any refusal; errors sit next to their inputs and in a
 * summary at the top, which takes focus.
 */
export function DataUseEditor({ action, mode, reference, published = false, revision, content: initialContent, savedStatus, neighbourhoods, initialState }: Props) {
  const [state, formAction, pending] = useActionState<EditorState, FormData>(action, initialState ?? initialFormState);
  const { t, summaryLabel } = useFieldNames();
  const form = useTranslations('RegisterEditor');
  const content = state.content ?? initialContent;
  const values = useMemo(() => ({ ...formValues(content), ...state.typed }), [content, state.typed]);
  const status = state.savedStatus ?? savedStatus;
  const statuses = statusesReachableByEdit(status);
  const redactionChoices = useMemo(() => redactionCandidates(content), [content]);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const errorNames = Object.keys(errors).sort(compareFormOrder);
  const missing = state.missing ?? [];

  const summary = useRef<HTMLDivElement>(null);
  const missingList = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.focus) {
      const slot = document.getElementById(inputId(state.focus));
      if (slot) {
        slot.focus();
        return;
      }
    }
    if (missing.length > 0) missingList.current?.focus();
    else if (state.status !== 'idle') summary.current?.focus();
  }, [state, missing.length]);

  const fieldError = (name: string, message: string): FormError => ({ href: `#${inputId(name)}`, label: summaryLabel(name), message, onClick: (event) => focusTarget(event, name) });
  const saveLabel = mode === 'create' ? form('create') : published ? form('saveVersion') : form('saveDraft');
  const reload = reference ? `/registre/${encodeURIComponent(reference)}/modifier` : '/registre/nouveau';

  return (
    <form action={formAction} noValidate className={styles.form}>
      {reference ? <input type="hidden" name="reference" value={reference} /> : null}
      {revision !== undefined ? <input type="hidden" name="expectedRevision" value={String(state.revision ?? revision)} /> : null}
      <input type="hidden" name="published" value={published ? 'true' : 'false'} />

      {state.status === 'error' ? (
        // What is missing to publish is listed in the publish section, not here.
        <ErrorSummary
          ref={summary}
          title={state.message ?? form('errorSummary')}
          errors={missing.length > 0 ? [] : [...errorNames.map((name) => fieldError(name, errors[name] ?? '')), ...(state.formErrors ?? []).map((message) => ({ message }))]}
        >
          {state.conflict ? (
            <p>
              {/* A full reload on purpose: it fetches the record as saved by the other person. */}
              <a href={reload}>{form('reload')}</a> {form('reloadHint')}
            </p>
          ) : null}
          {missing.length > 0 ? (
            <p>
              <a href="#du-publish">{form('publish.seeMissing')}</a>
            </p>
          ) : null}
        </ErrorSummary>
      ) : null}
      {state.status === 'success' && state.message ? (
        <div ref={summary} tabIndex={-1} role="status" className="notice">
          {state.message}
        </div>
      ) : null}

      {published ? <p className="callout">{form('publishedNotice')}</p> : null}
      <EditorContents />
      <div className={styles.actions}>
        <SubmitButton intent="save" isDisabled={pending}>
          {saveLabel}
        </SubmitButton>
      </div>

      <EditorContext.Provider value={{ values, errors, content, slots: state.slots ?? {}, statuses, neighbourhoods, redactionChoices, pending }}>
        {/* Drawn again after each answer, so that every input shows what the answer holds. */}
        <div key={state.at ?? 0} className={styles.body}>
          <EditorSections />

          {published ? (
            <div className="field">
              <label htmlFor={inputId('changeNote')}>{t('changeNote.label')}</label>
              <p className="hint" id={`${inputId('changeNote')}-hint`}>
                {t('changeNote.hint')}
              </p>
              {errors.changeNote ? (
                <p className="field-error" id={`${inputId('changeNote')}-error`}>
                  {errors.changeNote}
                </p>
              ) : null}
              <textarea
                id={inputId('changeNote')}
                name="changeNote"
                rows={3}
                required
                defaultValue={state.changeNote ?? ''}
                className={styles.textarea}
                aria-invalid={errors.changeNote ? true : undefined}
                aria-describedby={[`${inputId('changeNote')}-hint`, errors.changeNote ? `${inputId('changeNote')}-error` : null].filter(Boolean).join(' ')}
              />
            </div>
          ) : null}
        </div>
      </EditorContext.Provider>

      <div className={styles.actions}>
        <SubmitButton intent="save" isDisabled={pending}>
          {saveLabel}
        </SubmitButton>
      </div>

      {mode === 'edit' && !published ? (
        <section id="du-publish" className={styles.panel} aria-labelledby="du-publish-title">
          <h2 id="du-publish-title">{form('publish.title')}</h2>
          <p>{form('publish.lead')}</p>
          {missing.length > 0 ? (
            <div ref={missingList} tabIndex={-1} role="group" aria-labelledby="du-missing" className={`notice notice--error ${styles.problems}`}>
              <p id="du-missing">{state.message}</p>
              {/* Everything at once, in the form's order: the save's own errors and what publication lacks. */}
              <FormErrorList errors={[...missing.map(({ name, message }) => fieldError(name, message)), ...(state.formErrors ?? []).map((message) => ({ message }))]} />
            </div>
          ) : null}
          <div>
            <SubmitButton intent="publish" isDisabled={pending}>
              {form('publish.button')}
            </SubmitButton>
          </div>
        </section>
      ) : null}
    </form>
  );
}
