'use client';

import { createContext, Fragment, useActionState, useContext, useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { FieldHint } from '@/components/forms/FieldHint';
import { initialFormState, keptChecked, keptValue, type FormAction, type FormState } from '@/components/forms/form-state';
import { inFormOrder } from '@/components/forms/problem-wording';
import { Button } from '@/components/ui/Button';

import styles from './deliberations.module.css';

/** The form's answer and the prefix of its inputs' ids (a thread has many forms). */
const ThreadFormContext = createContext<{ state: FormState; prefix: string }>({ state: initialFormState, prefix: 'f' });

type ThreadFormProps = {
  action: FormAction;
  /** The space, its page and the contribution concerned, sent with the form. */
  hidden: Record<string, string>;
  submitLabel: string;
  /** Said to screen readers after the button's label: which contribution it acts on. */
  submitContext?: ReactNode;
  /** Each field's name as its label says it, in form order (the error summary follows it). */
  labels?: Record<string, string>;
  variant?: 'primary' | 'secondary';
  /** A one-button form (« Utile ») sits on a line with its answer. */
  compact?: boolean;
  /**
   * Said instead of the inputs once there is nothing left to do (marked
   * helpful, reported): the form stays in place, so that its answer stays
   * announced after the page is drawn anew.
   */
  done?: string;
  children?: ReactNode;
};

/**
 * A form of the thread posting to a server action: it works without
 * JavaScript (the page is drawn anew with the answer); with it, the answer
 * appears next to the form and takes the focus — errors as a summary linking
 * to each input, a success as a status. Inputs show what was sent again.
 */
export function ThreadForm({ action, hidden, submitLabel, submitContext, labels = {}, variant = 'primary', compact = false, done, children }: ThreadFormProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const prefix = useId().replace(/:/g, '');
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') answer.current?.focus();
  }, [state]);
  const errors = inFormOrder(state.fieldErrors ?? {}, Object.keys(labels)).map(([name, message]) =>
    name === '' || !(name in labels) ? { message } : { href: `#${prefix}-${name}`, label: labels[name], message },
  );
  return (
    <form action={formAction} noValidate className={compact ? styles.compactForm : styles.form}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === 'error' ? <ErrorSummary ref={answer} title={errors.length === 1 && errors[0]!.message === state.message ? undefined : state.message} errors={errors} /> : null}
      {state.status === 'success' && state.message ? (
        <div ref={answer} tabIndex={-1} role="status" className="notice">
          {state.message}
        </div>
      ) : null}
      {done !== undefined ? (
        <p className={styles.muted}>{done}</p>
      ) : (
        <>
          <ThreadFormContext.Provider value={{ state, prefix }}>
            <Fragment key={state.at ?? 0}>{children}</Fragment>
          </ThreadFormContext.Provider>
          <div>
            <Button type="submit" variant={variant} isDisabled={pending}>
              {submitLabel}
              {submitContext ? <span className="visually-hidden"> {submitContext}</span> : null}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

function useField(name: string, hint?: string) {
  const { state, prefix } = useContext(ThreadFormContext);
  const id = `${prefix}-${name}`;
  const error = state.status === 'error' ? state.fieldErrors?.[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy, values: state.values };
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** A contribution's text (Markdown subset), with its hint. */
export function TextArea({ name, label, hint, defaultValue, rows = 5, maxLength }: { name: string; label: string; hint?: string; defaultValue?: string; rows?: number; maxLength?: number }) {
  const { id, error, describedBy, values } = useField(name, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        lang="fr"
        className={styles.textarea}
        defaultValue={keptValue(values, name, defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function TextInput({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { id, error, describedBy, values } = useField(name, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} error={error} />
      <input id={id} name={name} type="text" lang="fr" defaultValue={keptValue(values, name)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  );
}

/** Radio buttons in a fieldset (the stance, the report's reason): each option may carry a description. */
export function Choice({
  name,
  legend,
  options,
  defaultValue,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; description?: string }[];
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  const { id, error, values } = useField(name);
  const chosen = keptValue(values, name, defaultValue);
  return (
    <fieldset className={`field ${styles.choice}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError id={id} error={error} />
      {options.map((option) => (
        <div key={option.value} className={styles.option}>
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={chosen === option.value}
            onChange={onChange ? () => onChange(option.value) : undefined}
            aria-describedby={option.description ? `${id}-${option.value}-description` : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          {option.description ? (
            <p className="hint" id={`${id}-${option.value}-description`} lang="fr">
              {option.description}
            </p>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox({ name, label, hint, children }: { name: string; label: string; hint?: string; children?: ReactNode }) {
  const { id, error, describedBy, values } = useField(name, hint);
  return (
    <div className={`field ${styles.check}`}>
      <FieldError id={id} error={error} />
      <input type="checkbox" id={id} name={name} value="yes" defaultChecked={keptChecked(values, name, 'yes')} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id}>{hint}</FieldHint>
      {children}
    </div>
  );
}

const noSubscription = () => () => undefined;

/**
 * The report's reasons, and the law and explanation that illegal content
 * asks for: with JavaScript the law appears when that reason is chosen;
 * without it, it is always there (and said to be for illegal content only).
 */
export function ReportFields({
  reasons,
  illegalCode,
  texts,
}: {
  reasons: { value: string; label: string; description?: string }[];
  illegalCode: string;
  texts: { reason: string; law: string; lawHint: string; explanation: string; explanationHint: string };
}) {
  const { state } = useContext(ThreadFormContext);
  const [reason, setReason] = useState(String(keptValue(state.values, 'reasonCode') ?? ''));
  // False on the server and in the first render, true once the page runs its script.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <>
      <Choice name="reasonCode" legend={texts.reason} options={reasons} onChange={setReason} />
      {!scripted || reason === illegalCode ? <TextInput name="law" label={texts.law} hint={texts.lawHint} /> : null}
      <TextArea name="explanation" label={texts.explanation} hint={texts.explanationHint} rows={3} />
    </>
  );
}
