'use client';

import { createContext, Fragment, useActionState, useContext, useEffect, useId, useRef, type ReactNode } from 'react';

import { Button } from '@/components/ui/Button';

import { FieldHint } from './FieldHint';
import { ErrorSummary } from './ErrorSummary';
import { initialFormState, keptChecked, keptValue, type FormAction, type FormState } from './form-state';
import { inFormOrder } from './problem-wording';

/** The form's answer, and a prefix that keeps field ids unique when a page has several forms. */
const FormStateContext = createContext<{ state: FormState; prefix: string }>({ state: initialFormState, prefix: 'form' });

type ActionFormProps = {
  action: FormAction;
  submitLabel: string;
  children?: ReactNode;
  /** Heading of the error list ("Le formulaire contient des erreurs :"). */
  errorSummaryLabel: string;
  variant?: 'primary' | 'secondary';
  inline?: boolean;
  /** Each field's name as its label says it, in the form's order (the error summary follows it). */
  labels?: Record<string, string>;
  /** More of the answer than a message, drawn under it (a refused file's lines, codes made once): for client forms only. */
  details?: (state: FormState) => ReactNode;
};

/**
 * A form posting to a server action: works without JavaScript (the page
 * reloads with the answer); with JavaScript, errors appear in place and focus
 * moves to their summary so screen reader users hear them. Every field shows
 * again what was sent (`state.values`, see `problemState`): nothing typed is
 * lost after an answer. The summary lists every error, in the form's order
 * (`labels`), each linking to its input.
 */
export function ActionForm({ action, submitLabel, children, errorSummaryLabel, variant = 'primary', inline = false, labels = {}, details }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const prefix = useId();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') summary.current?.focus();
  }, [state]);
  const errors = inFormOrder(state.fieldErrors ?? {}, Object.keys(labels)).map(([name, message]) =>
    name === '' ? { message } : { href: `#${prefix}${name}`, label: labels[name], message },
  );
  return (
    <form action={formAction} noValidate className={inline ? 'inline-form' : 'form'}>
      {state.status === 'error' ? (
        <ErrorSummary ref={summary} title={state.message ?? errorSummaryLabel} errors={errors}>
          {details?.(state)}
        </ErrorSummary>
      ) : null}
      {state.status === 'success' && state.message ? (
        <div ref={summary} tabIndex={-1} role="status" className="notice">
          {state.message}
          {details?.(state)}
        </div>
      ) : null}
      <FormStateContext.Provider value={{ state, prefix }}>
        {/* Drawn anew after each answer: a select takes a new default only when it is created. */}
        <Fragment key={state.at ?? 0}>{children}</Fragment>
      </FormStateContext.Provider>
      <div>
        <Button type="submit" variant={variant} isDisabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** Label, hint and error of a field, tied to its control by id and aria-describedby; and what it held when the form was sent. */
function useFieldFrame(name: string, hint?: string) {
  const { state, prefix } = useContext(FormStateContext);
  const error = state.fieldErrors?.[name];
  const id = `${prefix}${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy, values: state.values };
}

function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id}>{hint}</FieldHint>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'number' | 'password' | 'file' | 'date' | 'datetime-local';
  defaultValue?: string | number;
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'text' | 'email' | 'numeric';
  accept?: string;
  min?: number;
  max?: number;
};

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({ name, label, hint, type = 'text', defaultValue, autoComplete, required, inputMode, accept, min, max }: FieldProps) {
  const { id, error, describedBy, values } = useFieldFrame(name, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        // A file input cannot be given a value back; any other shows what was sent.
        defaultValue={type === 'file' ? undefined : keptValue(values, name, defaultValue)}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        accept={accept}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}

type TextAreaFieldProps = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  rows?: number;
  /** `fr` for what people write in French whatever the interface's language. */
  lang?: string;
  className?: string;
};

/** A labelled text area (several lines), announced with its hint and error like a field. */
export function TextAreaField({ name, label, hint, defaultValue, rows = 4, lang, className }: TextAreaFieldProps) {
  const { id, error, describedBy, values } = useFieldFrame(name, hint);
  const kept = keptValue(values, name, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        lang={lang}
        className={className}
        defaultValue={kept === undefined ? undefined : String(kept)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = {
  name: string;
  label: string;
  /** `lang`: an option naming what people wrote (a neighbourhood) is marked `fr`. */
  options: { value: string; label: string; lang?: string }[];
  defaultValue?: string;
  hint?: string;
};

export function SelectField({ name, label, options, defaultValue, hint }: SelectFieldProps) {
  const { id, error, describedBy, values } = useFieldFrame(name, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} defaultValue={keptValue(values, name, defaultValue)} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type CheckboxFieldProps = {
  name: string;
  label: string;
  /** Sent when ticked. */
  value?: string;
  defaultChecked?: boolean;
  hint?: string;
  className?: string;
};

/** A box to tick, its label after it; ticked or not as it was sent. */
export function CheckboxField({ name, label, value = 'yes', defaultChecked = false, hint, className }: CheckboxFieldProps) {
  const { id, error, describedBy, values } = useFieldFrame(name, hint);
  return (
    <div className={className ?? 'field'}>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value}
        defaultChecked={keptChecked(values, name, value, defaultChecked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id}>{hint}</FieldHint>
    </div>
  );
}

type CheckboxGroupFieldProps = {
  name: string;
  /** The group's legend. */
  label: string;
  /** `lang`: a choice naming what people wrote (a neighbourhood) is marked `fr`. */
  options: { value: string; label: string; lang?: string }[];
  /** The values ticked at first (before any answer). */
  defaultChecked?: readonly string[];
  hint?: string;
};

/** Several boxes under one legend, sent under one name; the first box carries the group's id, so the error summary's link lands on it. */
export function CheckboxGroupField({ name, label, options, defaultChecked = [], hint }: CheckboxGroupFieldProps) {
  const { id, error, describedBy, values } = useFieldFrame(name, hint);
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend>{label}</legend>
      <FieldHint id={id}>{hint}</FieldHint>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((option, index) => {
        const boxId = index === 0 ? id : `${id}-${index}`;
        return (
          <div key={option.value}>
            <input type="checkbox" id={boxId} name={name} value={option.value} defaultChecked={keptChecked(values, name, option.value, defaultChecked.includes(option.value))} aria-invalid={error ? true : undefined} />
            <label htmlFor={boxId} lang={option.lang}>
              {option.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A value the action needs that the person does not edit. */
export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}
