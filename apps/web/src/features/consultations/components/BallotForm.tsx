'use client';

import { MAJORITY_JUDGMENT_GRADES, MAJORITY_JUDGMENT_GRADES_EN } from '@sesame/domain/client';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';

import { ErrorSummary } from '@/components/forms/ErrorSummary';
import { keptChecked, keptValue, type FormValues } from '@/components/forms/form-state';
import buttons from '@/components/ui/Button.module.css';

import { choicesAsFields, choicesFromForm, describeChoices, gradeField, receiptDate, receiptText, type BallotRules, type Choices } from '../ballot';
import { initialBallotState, type BallotState } from '../state';
import styles from './consultations.module.css';

type Props = {
  reference: string;
  title: string;
  rules: BallotRules;
  /** A fresh UUID v4 drawn by the page: a retry of the same ballot gets the same receipt back. */
  idempotencyKey: string;
  mode: 'cast' | 'change';
  /** The server action (`ballotAction`), given by the page: a client module imports no server code. */
  action: (previous: BallotState, formData: FormData) => Promise<BallotState>;
  /**
   * Shown instead of the ballot when the person has already voted (review M5).
   * The form stays mounted so that, once a ballot is confirmed and the page
   * drawn again (now « déjà voté »), its receipt is still shown.
   */
  votedNotice?: ReactNode;
};

/** FormValues → FormData-like, to read the kept choices with the same code as the action. */
const asForm = (values: FormValues | undefined) => ({
  get: (name: string) => {
    const v = values?.[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  },
  getAll: (name: string) => {
    const v = values?.[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  },
});

/**
 * The ballot: the choices, a summary to confirm, then the receipt. Works
 * without JavaScript (each step is the action's answer); with it, focus moves
 * to each new step's heading or to the error summary.
 */
export function BallotForm({ reference, title, rules, idempotencyKey, mode, action, votedNotice }: Props) {
  const t = useTranslations('Consultation.ballot');
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, initialBallotState);
  const focus = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle' || state.step !== 'choose') focus.current?.focus();
  }, [state]);
  const grades = locale === 'en' ? MAJORITY_JUDGMENT_GRADES_EN : MAJORITY_JUDGMENT_GRADES;
  const words = { answers: { yes: t('answers.yes'), no: t('answers.no'), abstain: t('answers.abstain') }, grades, none: t('noApproval'), approved: t('approved') };
  const values = state.values;
  const errors = state.fieldErrors ?? {};

  if (state.step === 'receipt' && state.receipt) {
    const receipt = state.receipt;
    const lines = describeChoices(receipt.choices as Choices, rules, words);
    const file = receiptText(receipt, title, lines, {
      heading: t('receipt.fileHeading'),
      code: t('receipt.code'),
      key: t('receipt.changeKey'),
      keyWarning: t('receipt.keyWarning'),
      choices: t('receipt.choices'),
      castOn: t('receipt.castOn'),
      showNobody: t('receipt.showNobody'),
    }, locale);
    return (
      <section aria-labelledby="recu" className={styles.receipt}>
        <div ref={focus} tabIndex={-1} role="status" className="notice">
          {state.message}
        </div>
        <h2 id="recu">{t('receipt.title')}</h2>
        <p>{t('receipt.lead')}</p>
        <dl className={styles.receiptCodes}>
          <dt>{t('receipt.code')}</dt>
          <dd>
            <code data-testid="receipt-code">{receipt.receipt}</code>
          </dd>
          <dt>{t('receipt.changeKey')}</dt>
          <dd>
            <code data-testid="change-key" className={styles.key}>
              {receipt.changeKey}
            </code>
            <p className={styles.hint}>{t('receipt.keyWarning')}</p>
          </dd>
        </dl>
        <h3>{t('receipt.choices')}</h3>
        <ChoiceList lines={lines} optionIsContent={rules.method === 'single_choice'} />
        <p>{t('receipt.castOnLine', { date: receiptDate(receipt.castOn, locale) })}</p>
        <p className="notice" data-testid="show-nobody">
          {t('receipt.showNobody')}
        </p>
        <p className={styles.noPrint}>
          <a className={`${buttons.button} ${buttons.secondary}`} download={`recu-${receipt.consultation}.txt`} href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}>
            {t('receipt.download')}
          </a>
        </p>
        <p className={styles.noPrint}>{t('receipt.print')}</p>
        <p className={styles.hint}>{t('receipt.notKept')}</p>
      </section>
    );
  }

  if (votedNotice) return <>{votedNotice}</>;

  const hidden = (
    <>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="idempotencyKey" value={String(keptValue(values, 'idempotencyKey', idempotencyKey))} />
    </>
  );

  if (state.step === 'confirm') {
    const read = choicesFromForm(asForm(values), rules);
    const choices = 'choices' in read ? read.choices : null;
    return (
      <form action={formAction} className="form">
        {hidden}
        {mode === 'change' ? (
          <>
            <input type="hidden" name="receipt" value={String(keptValue(values, 'receipt', ''))} />
            <input type="hidden" name="changeKey" value={String(keptValue(values, 'changeKey', ''))} />
          </>
        ) : null}
        {choices ? choicesAsFields(choices).map(([name, value]) => <input key={`${name}-${value}`} type="hidden" name={name} value={value} />) : null}
        <div ref={focus} tabIndex={-1}>
          <h2>{t('summary.title')}</h2>
          <p>{t('summary.lead')}</p>
        </div>
        {choices ? <ChoiceList lines={describeChoices(choices, rules, words)} optionIsContent={rules.method === 'single_choice'} /> : null}
        <div className={styles.actions}>
          <button type="submit" name="intent" value="confirm" className={`${buttons.button} ${buttons.primary}`} disabled={pending}>
            {mode === 'cast' ? t('summary.confirm') : t('summary.confirmChange')}
          </button>
          <button type="submit" name="intent" value="edit" className={`${buttons.button} ${buttons.secondary}`} disabled={pending}>
            {t('summary.edit')}
          </button>
        </div>
      </form>
    );
  }

  const errorList = Object.entries(errors).map(([name, message]) => (name === '' ? { message } : { href: `#${name}`, message }));
  return (
    <form action={formAction} className="form" noValidate>
      {hidden}
      {state.status === 'error' ? <ErrorSummary ref={focus} title={state.message ?? t('errorSummary')} errors={errorList} /> : null}
      {mode === 'change' ? (
        <>
          <Text name="receipt" label={t('receiptLabel')} hint={t('receiptHint')} error={errors.receipt} value={String(keptValue(values, 'receipt', ''))} />
          <Text name="changeKey" label={t('changeKeyLabel')} hint={t('changeKeyHint')} error={errors.changeKey} value={String(keptValue(values, 'changeKey', ''))} />
        </>
      ) : null}
      {rules.method === 'yes_no_abstain' ? (
        <RadioGroup legend={t('yesNoLegend')} name="answer" error={errors.answer} values={values} choices={(['yes', 'no', 'abstain'] as const).map((a) => ({ value: a, label: words.answers[a] }))} />
      ) : null}
      {rules.method === 'single_choice' ? (
        <RadioGroup legend={t('singleLegend')} name="option" error={errors.option} values={values} choices={rules.options.map((o) => ({ value: o.id, label: o.label, lang: 'fr' }))} />
      ) : null}
      {rules.method === 'approval' ? (
        <fieldset className={styles.group} id="options" aria-describedby={errors.options ? 'options-error' : undefined}>
          <legend>{rules.maxApprovals === null ? t('approvalLegend') : t('approvalLegendMax', { max: rules.maxApprovals })}</legend>
          {errors.options ? (
            <p className="field-error" id="options-error">
              {errors.options}
            </p>
          ) : null}
          {rules.options.map((o) => (
            <div key={o.id} className={styles.choice}>
              <input type="checkbox" id={`options-${o.id}`} name="options" value={o.id} defaultChecked={keptChecked(values, 'options', o.id)} />
              <label htmlFor={`options-${o.id}`} lang="fr">
                {o.label}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {rules.method === 'majority_judgment' ? (
        <div className={styles.judgment}>
          <p>{t('judgmentLead')}</p>
          {rules.options.map((o) => (
            <RadioGroup
              key={o.id}
              legend={t.rich('judgmentLegend', { option: o.label, fr: (chunks) => <span lang="fr">{chunks}</span> })}
              name={gradeField(o.id)}
              error={errors[gradeField(o.id)]}
              values={values}
              grid
              choices={grades.map((label, index) => ({ value: String(index), label }))}
            />
          ))}
        </div>
      ) : null}
      <div>
        <button type="submit" name="intent" value="review" className={`${buttons.button} ${buttons.primary}`} disabled={pending}>
          {t('review')}
        </button>
      </div>
    </form>
  );
}

/**
 * The choices, line by line: an option's label is what organizers wrote, in
 * French (`lang="fr"`, review L2); a grade or an answer is in the interface's
 * language — except the chosen option of a single-choice ballot (`optionIsContent`).
 */
function ChoiceList({ lines, optionIsContent = false }: { lines: [string, string][]; optionIsContent?: boolean }) {
  return (
    <ul className={styles.choices} data-testid="ballot-choices">
      {lines.map(([what, choice], index) => (
        <li key={index}>
          {what ? (
            <>
              <span lang="fr">{what}</span> : <strong>{choice}</strong>
            </>
          ) : (
            <strong lang={optionIsContent ? 'fr' : undefined}>{choice}</strong>
          )}
        </li>
      ))}
    </ul>
  );
}

function Text({ name, label, hint, error, value }: { name: string; label: string; hint: string; error?: string; value: string }) {
  const describedBy = [`${name}-hint`, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <p className="field-hint" id={`${name}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <input id={name} name={name} defaultValue={value} autoComplete="off" spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  );
}

/**
 * One radio group in a fieldset: its legend names the question (for majority
 * judgment, the option), the arrow keys move between its grades, and on a
 * phone the grades wrap under each other.
 */
function RadioGroup({ legend, name, choices, error, values, grid = false }: { legend: ReactNode; name: string; choices: { value: string; label: string; lang?: string }[]; error?: string; values?: FormValues; grid?: boolean }) {
  return (
    <fieldset className={grid ? styles.gradeRow : styles.group} id={name} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <div className={grid ? styles.grades : undefined}>
        {choices.map((choice) => (
          // The label is the whole box (review M6): a tap anywhere in it picks the choice, and it is at least 44 px high.
          <label key={choice.value} htmlFor={`${name}-${choice.value}`} className={grid ? styles.grade : styles.choice}>
            <input type="radio" id={`${name}-${choice.value}`} name={name} value={choice.value} defaultChecked={keptChecked(values, name, choice.value)} />
            <span lang={choice.lang}>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
