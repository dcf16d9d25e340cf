'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { keptValue } from '@/components/forms/form-state';
import buttons from '@/components/ui/Button.module.css';

import type { ReceiptSearchState } from '../state';
import styles from './consultations.module.css';

/**
 * « Find my receipt »: while the vote is open, whether the code is in the box
 * (never the choices); after the close, its line in the published list. A
 * POST: the code goes into no address.
 */
export function ReceiptSearchForm({ reference, action }: { reference: string; action: (previous: ReceiptSearchState, formData: FormData) => Promise<ReceiptSearchState> }) {
  const t = useTranslations('Consultation.receiptSearch');
  const [state, formAction, pending] = useActionState<ReceiptSearchState, FormData>(action, { status: 'idle' });
  const focus = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') focus.current?.focus();
  }, [state]);
  const error = state.fieldErrors?.receipt;
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="reference" value={reference} />
      {state.status === 'error' ? <ErrorSummary ref={focus} title={state.message ?? t('errorSummary')} errors={[{ href: '#receipt-search', message: error ?? '' }]} /> : null}
      {state.status === 'success' ? (
        <div ref={focus} tabIndex={-1} role="status" className="notice" data-testid="receipt-search-answer">
          <p>{state.message}</p>
          {state.choices ? (
            <ul className={styles.choices}>
              {state.choices.map(([what, choice], index) => (
                <li key={index}>
                  {what ? `${what} : ` : ''}
                  <strong>{choice}</strong>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="receipt-search">{t('label')}</label>
        <p className="field-hint" id="receipt-search-hint">
          {t('hint')}
        </p>
        {error ? (
          <p className="field-error" id="receipt-search-error">
            {error}
          </p>
        ) : null}
        <input
          id="receipt-search"
          name="receipt"
          autoComplete="off"
          spellCheck={false}
          defaultValue={String(keptValue(state.values, 'receipt', ''))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'receipt-search-hint receipt-search-error' : 'receipt-search-hint'}
        />
      </div>
      <div>
        <button type="submit" className={`${buttons.button} ${buttons.secondary}`} disabled={pending}>
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
