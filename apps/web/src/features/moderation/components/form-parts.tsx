'use client';

import { createContext, useActionState, useContext, useEffect, useId, useRef, type ReactNode } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { initialFormState, keptChecked, keptValue, type FormAction, type FormState } from '@/components/forms/form-state';
import { inFormOrder } from '@/components/forms/problem-wording';

import styles from './moderation.module.css';

/**
 * The moderation forms' parts: a form posting to a server action (works
 * without JavaScript), its error summary (focused after each refused
 * answer, each error linking to its input, in the form's order) and inputs
 * that show again what was sent. Field names may hold dots (`entries.2.body`):
 * ids replace them.
 */
type Frame = { state: FormState; prefix: string };
const FrameContext = createContext<Frame>({ state: initialFormState, prefix: 'f' });

export const idFor = (prefix: string, name: string) => `${prefix}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function useModerationForm(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const prefix = useId().replace(/:/g, '');
  return { state, formAction, pending, prefix };
}

type FormFrameProps = {
  state: FormState;
  prefix: string;
  /** The form's inputs by name, as their labels say them, in the form's order. */
  labels: Record<string, string>;
  errorSummaryLabel: string;
  children: ReactNode;
};

/** The summary (errors or a success message) and the context the inputs read. */
export function FormFrame({ state, prefix, labels, errorSummaryLabel, children }: FormFrameProps) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') summary.current?.focus();
  }, [state]);
  const errors = inFormOrder(state.fieldErrors ?? {}, Object.keys(labels)).map(([name, message]) =>
    name === '' ? { message } : { href: `#${idFor(prefix, name)}`, label: labels[name], message },
  );
  return (
    <>
      {state.status === 'error' ? <ErrorSummary ref={summary} title={state.message ?? errorSummaryLabel} errors={errors} /> : null}
      {state.status === 'success' && state.message ? (
        <div ref={summary} tabIndex={-1} role="status" className="notice">
          {state.message}
        </div>
      ) : null}
      <FrameContext.Provider value={{ state, prefix }}>{children}</FrameContext.Provider>
    </>
  );
}

function useField(name: string, hint?: ReactNode) {
  const { state, prefix } = useContext(FrameContext);
  const id = idFor(prefix, name);
  const error = state.fieldErrors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy, values: state.values, sent: state.status !== 'idle' || state.values !== undefined };
}

function Frame({ id, label, hint, error, children, className }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ?? 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

type InputProps = { name: string; label: ReactNode; hint?: ReactNode; defaultValue?: string | number; type?: 'text' | 'date' | 'datetime-local' | 'number'; min?: number; max?: number; inputMode?: 'numeric' | 'text'; autoComplete?: string; className?: string };

export function TextInput({ name, label, hint, defaultValue, type = 'text', min, max, inputMode, autoComplete = 'off', className }: InputProps) {
  const { id, error, describedBy, values } = useField(name, hint);
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        name={name}
        type={type}
        min={min}
        max={max}
        inputMode={inputMode}
        autoComplete={autoComplete}
        defaultValue={keptValue(values, name, defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </Frame>
  );
}

export function TextArea({ name, label, hint, defaultValue, rows = 4, lang }: { name: string; label: ReactNode; hint?: ReactNode; defaultValue?: string; rows?: number; lang?: string }) {
  const { id, error, describedBy, values } = useField(name, hint);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        lang={lang}
        className={styles.textarea}
        defaultValue={keptValue(values, name, defaultValue) as string | undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </Frame>
  );
}

export function Select({ name, label, hint, options, defaultValue }: { name: string; label: ReactNode; hint?: ReactNode; options: { value: string; label: string }[]; defaultValue?: string }) {
  const { id, error, describedBy, values } = useField(name, hint);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} defaultValue={keptValue(values, name, defaultValue) as string | undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={styles.select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Radio buttons in a fieldset; the first radio carries the group's id (the error summary links to it). */
export function Radios({ name, legend, hint, options, defaultValue }: { name: string; legend: ReactNode; hint?: ReactNode; options: { value: string; label: ReactNode }[]; defaultValue?: string }) {
  const { id, error, describedBy, values, sent } = useField(name, hint);
  const chosen = sent ? keptValue(values, name) : defaultValue;
  return (
    <fieldset className={styles.fieldset} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((option, index) => (
        <div key={option.value} className={styles.check}>
          <input type="radio" id={index === 0 ? id : `${id}-${option.value}`} name={name} value={option.value} defaultChecked={chosen === option.value} />
          <label htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox({ name, label, value = 'yes', defaultChecked = false, hint }: { name: string; label: ReactNode; value?: string; defaultChecked?: boolean; hint?: ReactNode }) {
  const { id, error, describedBy, values, sent } = useField(name, hint);
  return (
    <div className={styles.check}>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={sent ? keptChecked(values, name, value) : defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
