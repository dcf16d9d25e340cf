'use client';

import { ActionForm, Field, SelectField, TextAreaField } from '@/components/forms/ActionForm';
import type { FormState } from '@/components/forms/form-state';

import type { ImportState } from '../state';
import styles from './advisory-panel.module.css';

type Props = {
  action: (previous: ImportState, formData: FormData) => Promise<ImportState>;
  hasRules: boolean;
  texts: Record<'label' | 'labelHint' | 'categoriesFrom' | 'fromRules' | 'fromFile' | 'categoriesHint' | 'file' | 'fileHint' | 'csv' | 'csvHint' | 'submit' | 'errorSummary' | 'linesTitle', string>;
};

/**
 * Importing a pool from a CSV file (or its text pasted): a refused file comes
 * back with every problem, line by line, in the error summary.
 */
export function ImportPoolForm({ action, hasRules, texts }: Props) {
  const details = (state: FormState) => {
    const lines = (state as ImportState).lines;
    if (!lines || lines.length === 0) return null;
    return (
      <>
        <p>{texts.linesTitle}</p>
        <ul className={styles.lines}>
          {lines.map((line, index) => (
            <li key={`${index}-${line.line ?? ''}`}>{line.message}</li>
          ))}
        </ul>
      </>
    );
  };
  return (
    <ActionForm
      action={action}
      submitLabel={texts.submit}
      errorSummaryLabel={texts.errorSummary}
      labels={{ label: texts.label, categoriesFrom: texts.categoriesFrom, file: texts.file, poolCsv: texts.csv }}
      details={details}
    >
      <Field name="label" label={texts.label} hint={texts.labelHint} required />
      <SelectField
        name="categoriesFrom"
        label={texts.categoriesFrom}
        hint={texts.categoriesHint}
        options={[...(hasRules ? [{ value: 'rules', label: texts.fromRules }] : []), { value: 'file', label: texts.fromFile }]}
        defaultValue={hasRules ? 'rules' : 'file'}
      />
      <Field name="file" type="file" accept=".csv,text/csv,text/plain" label={texts.file} hint={texts.fileHint} />
      <TextAreaField name="poolCsv" label={texts.csv} hint={texts.csvHint} rows={6} className={styles.textarea} />
    </ActionForm>
  );
}
