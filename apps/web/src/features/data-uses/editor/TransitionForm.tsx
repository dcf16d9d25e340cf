'use client';

import type { LifecycleTransition } from '@sesame/domain';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { initialFormState } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import styles from './editor.module.css';
import type { TransitionState } from './editor-state';

type Props = {
  kind: LifecycleTransition;
  action: (previous: TransitionState, formData: FormData) => Promise<TransitionState>;
  reference: string;
  revision: number;
};

/**
 * Suspending or retiring a published record: never a field of the edit form,
 * always this explicit step with a reason that is published with the new
 * version. The consequence is spelled out next to the button.
 */
export function TransitionForm({ kind, action, reference, revision }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState as TransitionState);
  const t = useTranslations(`RegisterEditor.${kind}`);
  const common = useTranslations('RegisterEditor');
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') summary.current?.focus();
  }, [state]);
  const id = `${kind}-reason`;
  const error = state.status === 'error' ? state.fieldErrors?.reason : undefined;
  const otherErrors = Object.entries(state.fieldErrors ?? {}).filter(([name]) => name !== 'reason');
  const errors = [...(error ? [{ href: `#${id}`, label: t('reasonLabel'), message: error }] : []), ...otherErrors.map(([, message]) => ({ message }))];
  return (
    <section id={kind} className={styles.panel} aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{t('title')}</h2>
      <p>{t('lead')}</p>
      <form action={formAction} noValidate className={styles.body}>
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="expectedRevision" value={String(revision)} />
        {state.status === 'error' ? (
          <ErrorSummary ref={summary} title={state.message ?? common('errorSummary')} errors={errors}>
            {state.conflict ? (
              <p>
                <a href={`/registre/${encodeURIComponent(reference)}/modifier`}>{common('reload')}</a>
              </p>
            ) : null}
          </ErrorSummary>
        ) : null}
        <div key={state.at ?? 0} className="field">
          <label htmlFor={id}>{t('reasonLabel')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('reasonHint')}
          </p>
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <textarea
            id={id}
            name="reason"
            rows={3}
            required
            defaultValue={state.reason ?? ''}
            className={styles.textarea}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
          />
        </div>
        <p>
          <strong>{t('confirmation')}</strong>
        </p>
        <div>
          <Button type="submit" variant="secondary" isDisabled={pending}>
            {t('button')}
          </Button>
        </div>
      </form>
    </section>
  );
}
