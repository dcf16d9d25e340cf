'use client';

import { useActionState, useEffect, useId, useRef } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { initialFormState, keptValue } from '@/components/forms/form-state';
import { inFormOrder } from '@/components/forms/problem-wording';
import { Button } from '@/components/ui/Button';

import type { QuotasState } from '../state';
import styles from './advisory-panel.module.css';

type Row = { category: string; value: string; volunteers: number; min: number | null; max: number | null };

type Props = {
  action: (previous: QuotasState, formData: FormData) => Promise<QuotasState>;
  poolId: string;
  panelSize: number | null;
  rows: Row[];
  texts: {
    panelSize: string;
    panelSizeHint: string;
    caption: string;
    category: string;
    value: string;
    volunteers: string;
    min: string;
    max: string;
    /** « Minimum pour {row} » with `{row}` replaced here. */
    minFor: string;
    maxFor: string;
    hint: string;
    submit: string;
    errorSummary: string;
    reportTitle: string;
    /** Sentences of the report, `{category}`, `{value}`, `{min}`, `{max}`, `{available}`, `{closest}`, `{by}` replaced here. */
    short: string;
    over: string;
    seatsShort: string;
    scrollHint: string;
  };
};

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/**
 * Quotas per category value (min and max) and the panel size. Infeasible
 * quotas come back with the report naming each value that cannot be met, and
 * by how much; every error links to its input. Works without JavaScript.
 */
export function QuotasForm({ action, poolId, panelSize, rows, texts }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState as QuotasState);
  const prefix = useId();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') summary.current?.focus();
  }, [state]);
  const id = (name: string) => `${prefix}${name}`;
  const rowName = (row: Row) => `${row.category} : ${row.value}`;
  const labels: Record<string, string> = { panelSize: texts.panelSize };
  rows.forEach((row, i) => {
    labels[`quotas.${i}.min`] = fill(texts.minFor, { row: rowName(row) });
    labels[`quotas.${i}.max`] = fill(texts.maxFor, { row: rowName(row) });
  });
  const fieldErrors = state.fieldErrors ?? {};
  const errors = inFormOrder(fieldErrors, Object.keys(labels)).map(([name, message]) => (name === '' ? { message } : { href: `#${id(name)}`, label: labels[name], message }));
  const feasibility = state.feasibility;
  const input = (name: string, fallback: number | null, label: string) => (
    <>
      <label htmlFor={id(name)} className="visually-hidden">
        {label}
      </label>
      <input
        id={id(name)}
        name={name}
        type="number"
        inputMode="numeric"
        min={0}
        className={styles.quotaInput}
        defaultValue={keptValue(state.values, name, fallback ?? undefined)}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={fieldErrors[name] ? `${id(name)}-error` : undefined}
      />
      {fieldErrors[name] ? (
        <span className="field-error" id={`${id(name)}-error`}>
          {fieldErrors[name]}
        </span>
      ) : null}
    </>
  );

  return (
    <form action={formAction} noValidate className="form">
      {state.status === 'error' ? (
        <ErrorSummary ref={summary} title={state.message ?? texts.errorSummary} errors={errors}>
          {feasibility ? (
            <>
              <p>{texts.reportTitle}</p>
              <ul>
                {feasibility.violations.map((v) => (
                  <li key={`${v.category}-${v.value}`}>{fill(v.by < 0 ? texts.short : texts.over, { ...v, by: Math.abs(v.by) })}</li>
                ))}
                {feasibility.seatsShort > 0 ? <li>{fill(texts.seatsShort, { count: feasibility.seatsShort })}</li> : null}
              </ul>
            </>
          ) : null}
        </ErrorSummary>
      ) : null}
      <input type="hidden" name="poolId" value={poolId} />
      <div className="field" key={`size-${state.at ?? 0}`}>
        <label htmlFor={id('panelSize')}>{texts.panelSize}</label>
        <p className="hint" id={`${id('panelSize')}-hint`}>
          {texts.panelSizeHint}
        </p>
        {fieldErrors.panelSize ? (
          <p className="field-error" id={`${id('panelSize')}-error`}>
            {fieldErrors.panelSize}
          </p>
        ) : null}
        <input
          id={id('panelSize')}
          name="panelSize"
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={keptValue(state.values, 'panelSize', panelSize ?? undefined)}
          aria-invalid={fieldErrors.panelSize ? true : undefined}
          aria-describedby={[`${id('panelSize')}-hint`, fieldErrors.panelSize ? `${id('panelSize')}-error` : ''].filter(Boolean).join(' ')}
        />
      </div>
      <p className="hint">{texts.hint}</p>
      <p id={`${prefix}-scroll`} className="table-scroll__hint">
        {texts.scrollHint}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={`${prefix}-caption`} aria-describedby={`${prefix}-scroll`} tabIndex={0} key={`rows-${state.at ?? 0}`}>
        <table className="data-table">
          <caption id={`${prefix}-caption`}>{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.category}</th>
              <th scope="col">{texts.value}</th>
              <th scope="col">{texts.volunteers}</th>
              <th scope="col">{texts.min}</th>
              <th scope="col">{texts.max}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.category}-${row.value}`}>
                <td lang="fr">{row.category}</td>
                <th scope="row" lang="fr">
                  {row.value}
                </th>
                <td>{row.volunteers}</td>
                <td>{input(`quotas.${i}.min`, row.min, labels[`quotas.${i}.min`]!)}</td>
                <td>{input(`quotas.${i}.max`, row.max, labels[`quotas.${i}.max`]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <Button type="submit" isDisabled={pending}>
          {texts.submit}
        </Button>
      </div>
    </form>
  );
}
