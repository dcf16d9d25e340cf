import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { CONTENT_LANG } from '@/i18n/config';
import { fr } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import { redactionFor, type Redaction } from '../redactions';
import styles from './register.module.css';

/** « Information non publiée » with its published reason, in place of a withheld value. */
export async function Withheld({ redaction }: { redaction: Redaction }) {
  const t = await getTranslations('Register.common');
  return (
    <span className={styles.withheld}>
      <strong>{t('withheld')}</strong>. {t.rich('withheldReason', { reason: redaction.reason, fr })}
    </span>
  );
}

/** « Non renseigné »: an empty field says so rather than disappearing. */
export async function NotProvided() {
  const t = await getTranslations('Register.common');
  return <span className={styles.notProvided}>{t('notProvided')}</span>;
}

export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * Shows a record's field: withheld (with its reason) when its path or an
 * ancestor is redacted, « Non renseigné » when empty, else `render(value)`
 * (plain text keeping its line breaks by default).
 */
export function present(redactions: readonly Redaction[]) {
  return function show<T>(path: string, value: T, render?: (value: NonNullable<T>) => ReactNode): ReactNode {
    const redaction = redactionFor(redactions, path);
    if (redaction) return <Withheld redaction={redaction} />;
    if (isEmptyValue(value)) return <NotProvided />;
    return render ? render(value as NonNullable<T>) : <span className="prewrap" lang={CONTENT_LANG}>{String(value)}</span>;
  };
}
export type Show = ReturnType<typeof present>;

/** A list of short texts: withheld or « Non renseigné » as a whole, else one list item per line (each may be withheld, by its id). */
export function presentList(show: Show) {
  return function list(path: string, items: readonly { id: string; text: string }[]): ReactNode {
    return show(path, items, (lines) => (
      <ul>
        {lines.map((line) => (
          <li key={line.id}>{show(`${path}.${line.id}`, line.text)}</li>
        ))}
      </ul>
    ));
  };
}

/** Formats a calendar date (YYYY-MM-DD) in the reader's language: « 30 juin 2027 ». */
export async function dateFormatter() {
  return (await getDateWords()).day;
}
