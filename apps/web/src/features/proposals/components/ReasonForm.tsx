'use client';

import { useActionState, useEffect, useId, useRef } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { initialFormState, keptChecked, keptValue, type FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import styles from './proposals.module.css';

type Props = {
  action: FormAction;
  reference: string;
  /** The reason's label and hint. */
  reasonLabel: string;
  reasonHint: string;
  /** One submit button per decision: `intent` is sent with the form. */
  buttons: { intent: string; label: string; variant?: 'primary' | 'secondary' }[];
  /** Id of the heading naming the proposal, so each button is described by it. */
  describedBy?: string;
  /** A box to tick before the action (withdrawal). */
  confirmLabel?: string;
};

/**
 * A decision with a reason (recevable / irrecevable, retenue / non retenue,
 * withdrawal): a plain form posting to a server action, so it works without
 * JavaScript. A refusal is shown at the top of the form (focused) and next to
 * the input concerned; the reason and the box keep what was sent.
 */
export function ReasonForm({ action, reference, reasonLabel, reasonHint, buttons, describedBy, confirmLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const prefix = useId();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') summary.current?.focus();
  }, [state]);
  const reasonId = `${prefix}-reason`;
  const confirmId = `${prefix}-confirm`;
  const reasonError = state.status === 'error' ? state.fieldErrors?.reason : undefined;
  const confirmError = state.status === 'error' ? state.fieldErrors?.confirm : undefined;
  const errors = [
    ...(reasonError ? [{ href: `#${reasonId}`, message: reasonError }] : []),
    ...(confirmError ? [{ href: `#${confirmId}`, message: confirmError }] : []),
  ];
  return (
    <form action={formAction} noValidate className={styles.decision}>
      <input type="hidden" name="reference" value={reference} />
      {state.status === 'error' ? (
        // No title when an error listed already says the same.
        <ErrorSummary ref={summary} title={errors.some((error) => error.message === state.message) ? undefined : state.message} errors={errors} />
      ) : null}
      <div className="field">
        <label htmlFor={reasonId}>{reasonLabel}</label>
        <p className="hint" id={`${reasonId}-hint`}>
          {reasonHint}
        </p>
        {reasonError ? (
          <p className="field-error" id={`${reasonId}-error`}>
            {reasonError}
          </p>
        ) : null}
        <textarea
          id={reasonId}
          name="reason"
          rows={3}
          defaultValue={keptValue(state.values, 'reason')}
          className={styles.textarea}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={[`${reasonId}-hint`, reasonError ? `${reasonId}-error` : null].filter(Boolean).join(' ')}
        />
      </div>
      {confirmLabel ? (
        <div className="field">
          {confirmError ? (
            <p className="field-error" id={`${confirmId}-error`}>
              {confirmError}
            </p>
          ) : null}
          <div className={styles.check}>
            <input
              type="checkbox"
              id={confirmId}
              name="confirm"
              value="yes"
              defaultChecked={keptChecked(state.values, 'confirm', 'yes')}
              aria-invalid={confirmError ? true : undefined} aria-describedby={confirmError ? `${confirmId}-error` : undefined} />
            <label htmlFor={confirmId}>{confirmLabel}</label>
          </div>
        </div>
      ) : null}
      <div className={styles.buttons}>
        {buttons.map((button) => (
          <Button key={button.intent} type="submit" name="intent" value={button.intent} variant={button.variant ?? 'primary'} isDisabled={pending} aria-describedby={describedBy}>
            {button.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
