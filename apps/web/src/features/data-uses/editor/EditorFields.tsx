'use client';

import type { DataUseContentInput } from '@sesame/domain';
import { positionalPath, type LifecycleStatus } from '@sesame/domain/client';
import { useLocale, useTranslations } from 'next-intl';
import { createContext, useContext, type ReactNode } from 'react';

import { Button, type ButtonProps } from '@/components/ui/Button';
import { CONTENT_LANG } from '@/i18n/config';

import { dataUseLabels, type DataUseLabels } from '../labels';
import styles from './editor.module.css';
import { enumValues, GROUPS, hasItemIds, isGroupPath, isScalarName, ITEM_ID_FIELD, NEEDED_TO_PUBLISH, SCALAR_FIELDS, SECTIONS, splitGroupName, TEXT_ITEMS_FIELD, type FieldSpec, type GroupPath } from './fields';
import { contentValue, itemCount, type FormValues } from './form-content';

/** Message keys built from field paths: checked by a unit test against the catalogues, not by the compiler. */
type LooseTranslator = (key: string, values?: Record<string, string | number>) => string;

export interface EditorContextValue {
  values: FormValues;
  errors: Record<string, string>;
  content: DataUseContentInput;
  /** Empty slots to show per group. */
  slots: Partial<Record<GroupPath, number>>;
  statuses: readonly LifecycleStatus[];
  neighbourhoods: { id: string; name: string }[];
  redactionChoices: string[];
  pending: boolean;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

function useEditor(): EditorContextValue {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('Editor fields need an EditorContext.');
  return editor;
}

/** The id of an input: its name (a dotted path) under the editor's prefix. */
export const inputId = (name: string) => `du-${name}`;

/** Names of inputs, groups and items, in the reader's language. */
export function useFieldNames() {
  const t = useTranslations('RegisterEditor') as unknown as LooseTranslator;
  const groupKey = (group: GroupPath) => GROUPS[group].key;
  const itemLabel = (group: GroupPath, index: number) => t(`groups.${groupKey(group)}.item`, { number: index + 1 });
  const fieldText = (name: string, part: 'label' | 'hint') => {
    const item = splitGroupName(name);
    return item && item.field !== null ? t(`fields.${item.group}.${item.field}.${part}`) : t(`fields.${name}.${part}`);
  };
  /** The name the error summary gives an input: « Catégorie de données 2 — Nom ». */
  const summaryLabel = (name: string): string => {
    if (name === 'changeNote') return t('changeNote.label');
    if (isGroupPath(name)) return t(`groups.${groupKey(name)}.title`);
    const item = splitGroupName(name);
    if (item) return item.field === null ? itemLabel(item.group, item.index) : `${itemLabel(item.group, item.index)} — ${fieldText(name, 'label')}`;
    return isScalarName(name) ? fieldText(name, 'label') : name;
  };
  return { t, groupKey, itemLabel, fieldText, summaryLabel };
}

function useLabels(): DataUseLabels {
  return dataUseLabels(useTranslations('Register.labels'));
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, hint, needed }: { id: string; hint: string; needed: boolean }) {
  const { t } = useFieldNames();
  return (
    <p className="hint" id={`${id}-hint`}>
      {hint}
      {needed ? (
        <>
          {' '}
          <strong>{t('neededToPublish')}</strong>
        </>
      ) : null}
    </p>
  );
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** Label, hint and error of one input, tied to it by id and aria-describedby (as ActionForm's fields). */
function Frame({ name, children }: { name: string; children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode }) {
  const { errors } = useEditor();
  const { fieldText } = useFieldNames();
  const id = inputId(name);
  const error = errors[name];
  const needed = NEEDED_TO_PUBLISH.has(name);
  return (
    <div className="field">
      <label htmlFor={id}>{fieldText(name, 'label')}</label>
      <Hint id={id} hint={fieldText(name, 'hint')} needed={needed} />
      <ErrorText id={id} error={error} />
      {children({ id, 'aria-describedby': describedBy(id, true, Boolean(error)), 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

function Checkbox({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { values, errors } = useEditor();
  const id = inputId(name);
  const error = errors[name];
  return (
    <div className="field">
      <div className={styles.checkbox}>
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={values[name] === 'on'}
          aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? <Hint id={id} hint={hint} needed={false} /> : null}
      <ErrorText id={id} error={error} />
    </div>
  );
}

function Select({ name, options, emptyLabel }: { name: string; options: { value: string; label: string }[]; emptyLabel?: string }) {
  const { values } = useEditor();
  const value = typeof values[name] === 'string' ? (values[name] as string) : '';
  // A value the options do not hold (an old or refused one) stays visible rather than silently changing.
  const all = value !== '' && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options;
  return (
    <Frame name={name}>
      {(props) => (
        <select {...props} name={name} defaultValue={value} className={styles.select}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {all.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}

const INPUT_TYPES = { text: 'text', email: 'email', url: 'url', date: 'date', number: 'text' } as const;

/** One input of the record, drawn according to its kind. */
function FieldInput({ name, spec }: { name: string; spec: FieldSpec }) {
  const { values, statuses, neighbourhoods, errors, redactionChoices } = useEditor();
  const { t, fieldText } = useFieldNames();
  const labels = useLabels();
  const redactionLabel = useRedactionLabel();
  const value = typeof values[name] === 'string' ? (values[name] as string) : '';
  switch (spec.kind) {
    case 'textarea':
    case 'lines':
      return (
        <Frame name={name}>
          {(props) => <textarea {...props} name={name} defaultValue={value} rows={splitGroupName(name) ? 3 : 4} className={styles.textarea} lang={CONTENT_LANG} />}
        </Frame>
      );
    case 'textItems': {
      // The lines as saved, with their ids: a line keeps its id (and its redaction) when others move.
      const saved = values[`${name}.${TEXT_ITEMS_FIELD}`];
      return (
        <Frame name={name}>
          {(props) => (
            <>
              <textarea {...props} name={name} defaultValue={value} rows={4} className={styles.textarea} lang={CONTENT_LANG} />
              {typeof saved === 'string' ? <input type="hidden" name={`${name}.${TEXT_ITEMS_FIELD}`} value={saved} /> : null}
            </>
          )}
        </Frame>
      );
    }
    case 'checkbox':
      return <Checkbox name={name} label={fieldText(name, 'label')} hint={fieldText(name, 'hint')} />;
    case 'select': {
      const allowed = name === 'lifecycle.status' ? statuses : enumValues(spec);
      const options = allowed.map((option) => ({ value: option, label: spec.enum ? labels.label(spec.enum, option as never) : option }));
      return <Select name={name} options={options} emptyLabel={spec.optional ? t('choose') : undefined} />;
    }
    case 'redactionField':
      return <Select name={name} options={redactionChoices.map((path) => ({ value: path, label: redactionLabel(path) }))} emptyLabel={t('choose')} />;
    case 'neighbourhoods': {
      const id = inputId(name);
      const error = errors[name];
      const checked = new Set(Array.isArray(values[name]) ? values[name] : []);
      return (
        <fieldset className={`field ${styles.choices}`} aria-describedby={describedBy(id, true, Boolean(error))}>
          <legend>{fieldText(name, 'label')}</legend>
          <Hint id={id} hint={fieldText(name, 'hint')} needed={false} />
          <ErrorText id={id} error={error} />
          {neighbourhoods.length === 0 ? <p>{t('noNeighbourhoods')}</p> : null}
          {neighbourhoods.map((neighbourhood, index) => (
            <div key={neighbourhood.id} className={styles.checkbox}>
              <input
                type="checkbox"
                id={index === 0 ? id : `${id}-${neighbourhood.id}`}
                name={name}
                value={neighbourhood.id}
                defaultChecked={checked.has(neighbourhood.id)}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={index === 0 ? id : `${id}-${neighbourhood.id}`} lang={CONTENT_LANG}>
                {neighbourhood.name}
              </label>
            </div>
          ))}
        </fieldset>
      );
    }
    default: {
      const type = INPUT_TYPES[spec.kind as keyof typeof INPUT_TYPES] ?? 'text';
      return (
        <Frame name={name}>
          {(props) => (
            <input
              {...props}
              name={name}
              type={type}
              defaultValue={value}
              inputMode={spec.kind === 'number' ? 'numeric' : undefined}
              // The record is public: never let the browser fill in the editor's own details.
              autoComplete="off"
              // What the town writes in the record is French, whatever the interface's language.
              lang={type === 'text' ? CONTENT_LANG : undefined}
              spellCheck={spec.kind === 'email' || spec.kind === 'url' ? false : undefined}
              className={type === 'date' || spec.kind === 'number' ? undefined : styles.wide}
              required={name === 'title' ? true : undefined}
            />
          )}
        </Frame>
      );
    }
  }
}

/**
 * How a redaction choice reads: « Prestataire 1 › Référence du contrat »,
 * « Destinataires › ligne 2 (« Police ») ». Choices name items by id; people
 * read their position.
 */
function useRedactionLabel() {
  const { content } = useEditor();
  const { t, fieldText, itemLabel, groupKey } = useFieldNames();
  const textOf = (value: unknown) => (typeof value === 'object' && value !== null && 'text' in value ? value.text : value);
  // Quotation marks of the interface's language: « … » in French, “…” in English.
  const [open, close] = useLocale() === 'fr' ? ['« ', ' »'] : ['“', '”'];
  const quote = (raw: unknown) => {
    const value = textOf(raw);
    return typeof value === 'string' && value !== '' ? ` (${open}${value.length > 40 ? `${value.slice(0, 39)}…` : value}${close})` : '';
  };
  return (field: string): string => {
    const path = positionalPath(content, field);
    if (isGroupPath(path)) return t(`groups.${groupKey(path)}.title`);
    const item = splitGroupName(path);
    if (item) {
      const first = Object.keys(GROUPS[item.group].fields)[0]!;
      if (item.field === null) return `${itemLabel(item.group, item.index)}${quote(contentValue(content, `${path}.${first}`))}`;
      return `${itemLabel(item.group, item.index)} › ${fieldText(path, 'label')}`;
    }
    if (isScalarName(path)) return fieldText(path, 'label');
    const line = /^(.*)\.(\d+)$/.exec(path);
    if (line && isScalarName(line[1]!)) return `${fieldText(line[1]!, 'label')} › ${t('lineNumber', { number: Number(line[2]) + 1 })}${quote(contentValue(content, path))}`;
    return path;
  };
}

/** A repeated group: its items, then empty slots, then the button that adds one more. */
function Group({ group }: { group: GroupPath }) {
  const { content, slots, errors, pending, values } = useEditor();
  const { t, groupKey, itemLabel } = useFieldNames();
  const key = groupKey(group);
  const id = inputId(group);
  const error = errors[group];
  const count = itemCount(content, group);
  const total = count + Math.max(1, slots[group] ?? 1);
  const needed = NEEDED_TO_PUBLISH.has(group);
  return (
    <div className={styles.group} id={id} role="group" aria-labelledby={`${id}-title`} aria-describedby={describedBy(id, true, Boolean(error))} tabIndex={-1}>
      <h3 id={`${id}-title`}>{t(`groups.${key}.title`)}</h3>
      <div className="field">
        <Hint id={id} hint={t(`groups.${key}.hint`)} needed={needed} />
        <ErrorText id={id} error={error} />
      </div>
      {Array.from({ length: total }, (_, index) => {
        const existing = index < count;
        const legend = existing ? itemLabel(group, index) : t('newItem', { item: itemLabel(group, index) });
        return (
          <fieldset key={index} className={`${styles.item} ${existing ? '' : styles.newItem}`}>
            <legend>{legend}</legend>
            {existing && hasItemIds(group) && typeof values[`${group}.${index}.${ITEM_ID_FIELD}`] === 'string' ? (
              <input type="hidden" name={`${group}.${index}.${ITEM_ID_FIELD}`} value={values[`${group}.${index}.${ITEM_ID_FIELD}`]} />
            ) : null}
            {Object.entries(GROUPS[group].fields).map(([field, spec]) => (
              <FieldInput key={field} name={`${group}.${index}.${field}`} spec={spec} />
            ))}
            {existing ? <Checkbox name={`${group}.${index}._remove`} label={t('removeItem', { item: itemLabel(group, index) })} /> : null}
          </fieldset>
        );
      })}
      <div>
        <SubmitButton intent={`add:${group}`} variant="secondary" isDisabled={pending}>
          {t(`groups.${key}.add`)}
        </SubmitButton>
      </div>
    </div>
  );
}

/** The form's sections, as fieldsets headed by an h2 (so they can be found by heading). */
export function EditorSections() {
  const { t } = useFieldNames();
  return (
    <>
      {SECTIONS.map((section) => (
        <fieldset key={section.id} id={`du-section-${section.id}`} className={styles.section}>
          <legend>
            <h2>{t(`sections.${section.id}.title`)}</h2>
          </legend>
          <p className={styles.lead}>{t(`sections.${section.id}.lead`)}</p>
          {(section.items as readonly string[]).map((name) =>
            isGroupPath(name) ? <Group key={name} group={name} /> : <FieldInput key={name} name={name} spec={SCALAR_FIELDS[name as keyof typeof SCALAR_FIELDS]} />,
          )}
        </fieldset>
      ))}
    </>
  );
}

/** Links to the sections, for a long form. */
export function EditorContents() {
  const { t } = useFieldNames();
  return (
    <nav className={styles.toc} aria-labelledby="du-contents">
      <h2 id="du-contents">{t('contents')}</h2>
      <ol>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a href={`#du-section-${section.id}`}>{t(`sections.${section.id}.title`)}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A submit button saying what it is for (`intent`): save, publish, or add a slot. */
export function SubmitButton({ intent, ...props }: { intent: string } & Omit<ButtonProps, 'type' | 'name' | 'value'>) {
  return <Button {...props} type="submit" name="intent" value={intent} />;
}
