'use client';

import { useActionState, useEffect, useRef } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { initialFormState, keptChecked } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';
import { Link } from '@/components/ui/Link';

import { editorInputId, type EditorField } from '../content';
import type { SubmitState } from '../state';
import styles from './proposals.module.css';

type Props = {
  action: (previous: SubmitState, formData: FormData) => Promise<SubmitState>;
  reference: string;
  labels: { charter: string; charterLink: string; button: string };
  /** Names of the editor's inputs, for the list of what is missing. */
  fieldNames: Record<EditorField, string>;
};

const CHARTER_ID = 'charte-acceptee';

/** Where the editor shows what a draft lacks, next to each input (see the editor page's `completer`). */
const completeHref = (reference: string, field?: EditorField) => `/propositions/${reference}/modifier?completer=1${field ? `#${editorInputId(field)}` : ''}`;

/**
 * "J'ai lu et j'accepte la charte" and "Déposer": on the author's preview.
 * A refusal lists everything at once, at the top of the form, which takes
 * focus: what the text lacks (links to the editor's inputs, where each
 * error is shown again) then the charter (next to its box too). The box
 * stays ticked when it was.
 */
export function SubmitForm({ action, reference, labels, fieldNames }: Props) {
  const [state, formAction, pending] = useActionState<SubmitState, FormData>(action, initialFormState);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') summary.current?.focus();
  }, [state]);
  const charterError = state.status === 'error' ? state.fieldErrors?.charterAccepted : undefined;
  const otherErrors = Object.entries(state.status === 'error' ? (state.fieldErrors ?? {}) : {}).filter(([name]) => name !== 'charterAccepted');
  const missing = state.missing ?? [];
  const errors = [
    // Links to the editor, another page (a full page load).
    ...missing.map(({ field, message }) => (field ? { href: completeHref(reference, field), label: fieldNames[field], message } : { message })),
    ...(charterError ? [{ href: `#${CHARTER_ID}`, message: charterError }] : []),
    ...otherErrors.map(([, message]) => ({ message })),
  ];
  return (
    <form action={formAction} noValidate className={styles.form}>
      <input type="hidden" name="reference" value={reference} />
      {state.status === 'error' ? <ErrorSummary ref={summary} title={state.message} errors={errors} listClassName={styles.missing} /> : null}
      <p>
        <Link href="/propositions/charte">{labels.charterLink}</Link>
      </p>
      <div className="field">
        {charterError ? (
          <p className="field-error" id={`${CHARTER_ID}-error`}>
            {charterError}
          </p>
        ) : null}
        <div className={styles.check}>
          <input
            type="checkbox"
            id={CHARTER_ID}
            name="charterAccepted"
            value="yes"
            defaultChecked={keptChecked(state.values, 'charterAccepted', 'yes')}
            aria-invalid={charterError ? true : undefined}
            aria-describedby={charterError ? `${CHARTER_ID}-error` : undefined}
          />
          <label htmlFor={CHARTER_ID}>{labels.charter}</label>
        </div>
      </div>
      <div>
        <Button type="submit" isDisabled={pending}>
          {labels.button}
        </Button>
      </div>
    </form>
  );
}
