'use client';

import { PROPOSAL_KINDS } from '@sesame/domain/client';
import { useTranslations } from 'next-intl';
import { useActionState, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { Button } from '@/components/ui/Button';
import { CONTENT_LANG } from '@/i18n/config';

import { editorInputId, inPageOrder, UNLISTED, type EditorField, type EditorValues } from '../content';
import { proposalLabels } from '../labels';
import type { AutosaveResult, EditorState } from '../state';
import styles from './proposals.module.css';

/** Quiet time after the last keystroke before the draft is saved. */
const AUTOSAVE_DELAY = 1500;

type Props = {
  action: (previous: EditorState, formData: FormData) => Promise<EditorState>;
  autosave: (formData: FormData) => Promise<AutosaveResult>;
  /** null on /propositions/nouvelle: the first save creates the draft. */
  reference: string | null;
  values: EditorValues;
  dataUses: { reference: string; title: string }[];
  neighbourhoods: { id: string; name: string }[];
  /** A first message (the draft was just created). */
  notice?: string;
  /** A first answer: what the draft lacks before it can be submitted (the preview's "what is missing" links lead here). */
  initialState?: EditorState;
};

type FieldFrameProps = { field: EditorField; label: string; hints: (string | undefined)[]; error?: string; children: (describedBy: string | undefined) => ReactNode };

/** Label, hints and error of an input, tied to it by id and aria-describedby. */
function FieldFrame({ field, label, hints, error, children }: FieldFrameProps) {
  const id = editorInputId(field);
  const hintIds = hints.map((hint, index) => (hint ? `${id}-hint${index}` : null));
  const describedBy = [...hintIds, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hints.map((hint, index) =>
        hint ? (
          <p key={index} className="hint" id={hintIds[index]!}>
            {hint}
          </p>
        ) : null,
      )}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

/**
 * The proposal editor. A plain form posting to a server action, so it works
 * without JavaScript ("Enregistrer le brouillon"); with JavaScript the draft
 * is also saved a moment after the person stops typing, and a polite live
 * region says when ("Brouillon enregistré à 14 h 32"). After a refused save
 * the input is shown again, errors sit next to their inputs and in a summary
 * at the top, which takes focus.
 */
export function ProposalEditor({ action, autosave, reference: initialReference, values: initialValues, dataUses, neighbourhoods, notice, initialState }: Props) {
  const t = useTranslations('ProposalEditor');
  const fieldNames = useTranslations('Proposals.fields');
  const labels = proposalLabels(useTranslations('Proposals.labels'));
  const [state, formAction, pending] = useActionState<EditorState, FormData>(action, initialState ?? { status: 'idle' });
  const values = state.values ?? initialValues;
  const errors: Partial<Record<EditorField | '', string>> = state.status === 'error' ? (state.fieldErrors ?? {}) : {};

  // The draft's reference: known from the start, or given by the first automatic save.
  const [reference, setReference] = useState(initialReference);
  const referenceRef = useRef(initialReference);
  // Automatic saves sent and not yet answered.
  const savesInFlight = useRef(0);
  const [autosaveMessage, setAutosaveMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Arriving from a link to one input (the preview's list of what is missing): that input, not the summary.
    const target = state === initialState && window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    if (target) target.focus();
    else if (state.status !== 'idle') summary.current?.focus();
  }, [state, initialState]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const saveNow = useCallback(() => {
    timer.current = null;
    if (!form.current) return;
    const data = new FormData(form.current);
    // One save at a time, in order: the first one creates the draft, the next ones update it.
    savesInFlight.current += 1;
    queue.current = queue.current.then(async () => {
      data.set('reference', referenceRef.current ?? '');
      try {
        const result = await autosave(data);
        if (result.ok && result.reference && !referenceRef.current) {
          referenceRef.current = result.reference;
          setReference(result.reference);
          // The address now names the draft: reloading the page (or coming back) finds it.
          window.history.replaceState(null, '', `/propositions/${result.reference}/modifier`);
        }
        setAutosaveMessage(result.message);
      } catch {
        setAutosaveMessage(t('autosaveFailed', { reason: t('unexpected') }));
      } finally {
        savesInFlight.current -= 1;
      }
    });
  }, [autosave, t]);

  const scheduleSave = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, AUTOSAVE_DELAY);
  }, [saveNow]);

  /**
   * A click on « Enregistrer » or « Aperçu » while an automatic save is under
   * way is held, not dropped: it is sent once that save has answered, so that
   * it carries the draft's reference (no second draft) and lands after it (the
   * older text never overwrites the newer).
   */
  const submitAfterAutosaves = useCallback((event: FormEvent<HTMLFormElement>) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (savesInFlight.current === 0) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void queue.current.then(() => {
      const current = form.current;
      if (!current) return;
      // The hidden input may not be drawn again yet with the reference the save just gave.
      const referenceInput = current.elements.namedItem('reference');
      if (referenceInput instanceof HTMLInputElement) referenceInput.value = referenceRef.current ?? '';
      // The same button, so that its intent (save or preview) goes with it.
      current.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : undefined);
    });
  }, []);

  const errorList = inPageOrder(errors);
  const savedReference = values.dataUseReference && values.dataUseReference !== UNLISTED && !dataUses.some((d) => d.reference === values.dataUseReference) ? values.dataUseReference : null;

  return (
    <form ref={form} action={formAction} noValidate className={styles.form} onChange={scheduleSave} onSubmit={submitAfterAutosaves}>
      <input type="hidden" name="reference" value={reference ?? ''} />

      {state.status === 'error' ? (
        <ErrorSummary
          ref={summary}
          title={state.message ?? t('errorSummary')}
          listClassName={styles.missing}
          errors={errorList.map(([name, message]) => (name === '' ? { message } : { href: `#${editorInputId(name)}`, label: fieldNames(name), message }))}
        />
      ) : null}
      {state.status === 'success' && state.message ? (
        <div ref={summary} tabIndex={-1} role="status" className="notice">
          {state.message}
        </div>
      ) : null}
      {state.status === 'idle' && notice ? (
        <div role="status" className="notice">
          {notice}
        </div>
      ) : null}

      {/* Drawn again after each answer, so that every input shows what the answer holds. */}
      <div key={state.at ?? 0} className={styles.form}>
        <h2>{t('sectionSubject')}</h2>
        <fieldset className={`field ${styles.choices}`} aria-describedby={errors.kind ? `${editorInputId('kind')}-error` : undefined}>
          <legend>{t('kindLegend')}</legend>
          {errors.kind ? (
            <p className="field-error" id={`${editorInputId('kind')}-error`}>
              {errors.kind}
            </p>
          ) : null}
          {PROPOSAL_KINDS.map((kind, index) => {
            const id = index === 0 ? editorInputId('kind') : `${editorInputId('kind')}-${kind}`;
            return (
              <div key={kind} className={styles.choice}>
                <input type="radio" id={id} name="kind" value={kind} defaultChecked={values.kind === kind} aria-describedby={`${id}-explain`} />
                <label htmlFor={id}>{labels.kind(kind)}</label>
                <p className="hint" id={`${id}-explain`}>
                  {labels.kindExplain(kind)}
                </p>
              </div>
            );
          })}
        </fieldset>

        <FieldFrame field="dataUseReference" label={t('dataUseLabel')} hints={[t('dataUseHint')]} error={errors.dataUseReference}>
          {(describedBy) => (
            <select
              id={editorInputId('dataUseReference')}
              name="dataUseReference"
              defaultValue={values.dataUseReference}
              aria-invalid={errors.dataUseReference ? true : undefined}
              aria-describedby={describedBy}
              className={styles.wide}
            >
              <option value="">{t('dataUseChoose')}</option>
              {dataUses.map((dataUse) => (
                <option key={dataUse.reference} value={dataUse.reference} lang={CONTENT_LANG}>
                  {dataUse.title}
                </option>
              ))}
              {savedReference ? <option value={savedReference}>{savedReference}</option> : null}
              <option value={UNLISTED}>{t('dataUseUnlisted')}</option>
            </select>
          )}
        </FieldFrame>

        <FieldFrame field="unlistedDataUse" label={t('unlistedLabel')} hints={[t('unlistedHint')]} error={errors.unlistedDataUse}>
          {(describedBy) => (
            <textarea
              id={editorInputId('unlistedDataUse')}
              name="unlistedDataUse"
              rows={3}
              defaultValue={values.unlistedDataUse}
              aria-invalid={errors.unlistedDataUse ? true : undefined}
              aria-describedby={describedBy}
              className={styles.textarea}
            />
          )}
        </FieldFrame>

        <h2>{t('sectionText')}</h2>
        <FieldFrame field="title" label={t('titleLabel')} hints={[t('titleHint')]} error={errors.title}>
          {(describedBy) => (
            <input
              id={editorInputId('title')}
              name="title"
              type="text"
              defaultValue={values.title}
              autoComplete="off"
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={describedBy}
              className={styles.wide}
            />
          )}
        </FieldFrame>

        <FieldFrame field="body" label={t('bodyLabel')} hints={[t('bodyHint'), t('formatHint')]} error={errors.body}>
          {(describedBy) => (
            <textarea
              id={editorInputId('body')}
              name="body"
              rows={8}
              defaultValue={values.body}
              aria-invalid={errors.body ? true : undefined}
              aria-describedby={describedBy}
              className={styles.textarea}
            />
          )}
        </FieldFrame>

        <FieldFrame field="why" label={t('whyLabel')} hints={[t('whyHint')]} error={errors.why}>
          {(describedBy) => (
            <textarea id={editorInputId('why')} name="why" rows={6} defaultValue={values.why} aria-invalid={errors.why ? true : undefined} aria-describedby={describedBy} className={styles.textarea} />
          )}
        </FieldFrame>

        <FieldFrame field="expectedEffect" label={t('effectLabel')} hints={[t('effectHint')]} error={errors.expectedEffect}>
          {(describedBy) => (
            <textarea
              id={editorInputId('expectedEffect')}
              name="expectedEffect"
              rows={4}
              defaultValue={values.expectedEffect}
              aria-invalid={errors.expectedEffect ? true : undefined}
              aria-describedby={describedBy}
              className={styles.textarea}
            />
          )}
        </FieldFrame>

        <h2>{t('sectionPlace')}</h2>
        <FieldFrame field="neighbourhoodId" label={t('neighbourhoodLabel')} hints={[]} error={errors.neighbourhoodId}>
          {(describedBy) => (
            <select
              id={editorInputId('neighbourhoodId')}
              name="neighbourhoodId"
              defaultValue={values.neighbourhoodId}
              aria-invalid={errors.neighbourhoodId ? true : undefined}
              aria-describedby={describedBy}
            >
              <option value="">{t('neighbourhoodNone')}</option>
              {neighbourhoods.map((neighbourhood) => (
                <option key={neighbourhood.id} value={neighbourhood.id} lang={CONTENT_LANG}>
                  {neighbourhood.name}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </div>

      <div className={styles.buttons}>
        <Button type="submit" name="intent" value="save" variant="secondary" isDisabled={pending}>
          {t('save')}
        </Button>
        <Button type="submit" name="intent" value="preview" isDisabled={pending}>
          {t('preview')}
        </Button>
      </div>
      {/* Always in the page, so that screen readers announce each new message (politely). */}
      <p role="status" aria-live="polite" className={styles.autosave}>
        {autosaveMessage}
      </p>
    </form>
  );
}
