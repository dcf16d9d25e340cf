import type { Neighbourhood } from '@sesame/domain';
import { getFormatter, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { Content } from '@/i18n/content';

import { fieldLabelParts, type FieldLabelTree } from '../field-labels';
import { dataUseLabels, fieldName, isDatePath, isLabelValue, labelKindOfPath, type DataUseLabels } from '../labels';
import { redactionFor, type Redaction } from '../redactions';
import { dateFormatter, NotProvided } from './present';
import styles from './register.module.css';

export interface DiffContext {
  labels: DataUseLabels;
  fields: FieldLabelTree;
  neighbourhoods: Neighbourhood[];
  redactions: readonly Redaction[];
  formatDate: (date: string) => string;
  formatNumber: (value: number) => string;
  yes: string;
  no: string;
}

export async function diffContext(redactions: readonly Redaction[], neighbourhoods: Neighbourhood[]): Promise<DiffContext> {
  const [common, format] = [await getTranslations('Register.common'), await getFormatter()];
  return {
    labels: dataUseLabels(await getTranslations('Register.labels')),
    fields: (await getMessages()).Register.fields as FieldLabelTree,
    neighbourhoods,
    redactions,
    formatDate: await dateFormatter(),
    formatNumber: (value) => format.number(value),
    yes: common('yes'),
    no: common('no'),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The last part of a field's name, capitalised (« Durée de conservation »). */
function shortName(fields: FieldLabelTree, path: string): string {
  const last = fieldLabelParts(fields, path).at(-1) ?? path;
  return last.charAt(0).toLocaleUpperCase() + last.slice(1);
}

/**
 * A value from a version, readably: names for enum values, dates in words,
 * neighbourhood names, « Oui »/« Non », lists as lists and groups of fields
 * as definition lists — never raw JSON. `path` names list items by id (as
 * redactions do); ids themselves are not shown.
 */
function DiffValue({ path, value, context }: { path: string; value: unknown; context: DiffContext }): ReactNode {
  const { labels } = context;
  if (redactionFor(context.redactions, path)) return <WithheldInDiff />;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <NotProvided />;
  if (typeof value === 'boolean') return value ? context.yes : context.no;
  if (typeof value === 'number') return context.formatNumber(value);
  if (typeof value === 'string') {
    const kind = labelKindOfPath(path);
    if (kind && isLabelValue(kind, value)) return labels.label(kind, value);
    if (isDatePath(path)) return context.formatDate(value);
    if (/^neighbourhoodIds\.\d+$/.test(path)) return <Content>{context.neighbourhoods.find((n) => n.id === value)?.name ?? value}</Content>;
    if (/^redactions\.\d+\.field$/.test(path)) return fieldName(context.fields, value);
    return <Content className="prewrap">{value}</Content>;
  }
  if (Array.isArray(value)) {
    return (
      <ul>
        {value.map((item: unknown, index) => {
          const key = isRecord(item) && typeof item.id === 'string' ? item.id : String(index);
          return (
            <li key={key}>
              <DiffValue path={`${path}.${key}`} value={item} context={context} />
            </li>
          );
        })}
      </ul>
    );
  }
  // A line of a list of texts ({ id, text }) reads as its text.
  if (isRecord(value) && typeof value.text === 'string' && Object.keys(value).every((key) => key === 'id' || key === 'text')) {
    return <DiffValue path={`${path}.text`} value={value.text} context={context} />;
  }
  if (isRecord(value)) {
    return (
      <dl>
        {Object.entries(value)
          .filter(([key]) => key !== 'id')
          .map(([key, item]) => (
            <div key={key}>
              <dt>{shortName(context.fields, `${path}.${key}`)}</dt>
              <dd>
                <DiffValue path={`${path}.${key}`} value={item} context={context} />
              </dd>
            </div>
          ))}
      </dl>
    );
  }
  return String(value);
}

async function WithheldInDiff() {
  const t = await getTranslations('Register.diff');
  return <span className={styles.withheld}>{t('withheld')}</span>;
}

const isListItem = (at: string) => /\.\d+$/.test(at);

/**
 * One changed field: its name, then « Avant » and « Après » (said in words,
 * not only by colour). `path` names list items by id (redactions are matched
 * on it), `at` by position (what people read).
 */
export async function DiffChange({ change, context }: { change: { path: string; at: string; before: unknown; after: unknown }; context: DiffContext }) {
  const t = await getTranslations('Register.diff');
  const title = <h3>{fieldName(context.fields, change.at)}</h3>;
  // A field withheld today: neither its old nor its new value is shown.
  if (redactionFor(context.redactions, change.path)) {
    return (
      <li className={styles.change}>
        {title}
        <p>
          <WithheldInDiff />
        </p>
      </li>
    );
  }
  const side = (value: unknown, absent: string) =>
    (value === null || value === undefined) && isListItem(change.at) ? <span className={styles.notProvided}>{absent}</span> : <DiffValue path={change.path} value={value} context={context} />;
  return (
    <li className={styles.change}>
      {title}
      <div className={styles.sides}>
        <div className={`${styles.side} ${styles.before}`}>
          <p>{t('before')}</p>
          <del>{side(change.before, t('added'))}</del>
        </div>
        <div className={`${styles.side} ${styles.after}`}>
          <p>{t('after')}</p>
          <ins>{side(change.after, t('removed'))}</ins>
        </div>
      </div>
    </li>
  );
}
