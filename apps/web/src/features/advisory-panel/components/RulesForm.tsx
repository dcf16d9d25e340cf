import type { PanelRules } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field, Hidden, TextAreaField } from '@/components/forms/ActionForm';

import { publishRules } from '../actions';
import { categoryBlockCount } from '../form-values';
import styles from './advisory-panel.module.css';

/** What a first version proposes (every figure can be changed before it is published). */
const FIRST_RULES: PanelRules = {
  seats: { drawnCitizens: 12, associations: 4, expertsVoting: 1, expertsConsultative: 2 },
  termMonths: 24,
  rotationByThirds: true,
  quorumPercent: 50,
  adoptionThreshold: { numerator: 2, denominator: 3 },
  responseDeadlineDays: 60,
  substitutesPerSeatType: 3,
  votingMode: 'recorded',
  anonymousDissents: false,
  categories: [],
};

/**
 * The panel rules: seats per type, term and renewal, quorum, the majority
 * needed to adopt, the town's response deadline, substitutes, and what
 * volunteers are asked. Publishing makes a new version, with its note.
 */
export async function RulesForm({ rules }: { rules: PanelRules | null }) {
  const [t, form] = [await getTranslations('AdvisoryPanelAdmin.rules'), await getTranslations('Form')];
  const current = rules ?? FIRST_RULES;
  const blocks = categoryBlockCount(current.categories);
  const labels: Record<string, string> = {
    'rules.seats.drawnCitizens': t('drawnCitizens'),
    'rules.seats.associations': t('associations'),
    'rules.seats.expertsVoting': t('expertsVoting'),
    'rules.seats.expertsConsultative': t('expertsConsultative'),
    'rules.termMonths': t('termMonths'),
    'rules.rotationByThirds': t('rotationByThirds'),
    'rules.quorumPercent': t('quorumPercent'),
    'rules.adoptionThreshold.numerator': t('numerator'),
    'rules.adoptionThreshold.denominator': t('denominator'),
    'rules.responseDeadlineDays': t('responseDeadlineDays'),
    'rules.substitutesPerSeatType': t('substitutesPerSeatType'),
    'rules.categories': t('categoriesTitle'),
  };
  for (let i = 0; i < blocks; i++) {
    labels[`rules.categories.${i}.category`] = t('categoryName', { number: i + 1 });
    labels[`rules.categories.${i}.label`] = t('categoryLabel', { number: i + 1 });
    labels[`rules.categories.${i}.values`] = t('categoryValues', { number: i + 1 });
  }
  labels.changeNote = t('changeNote');
  const number = (name: string, label: string, value: number, hint?: string, min = 0, max?: number) => (
    <Field name={name} type="number" inputMode="numeric" min={min} max={max} label={label} hint={hint} defaultValue={value} required />
  );

  return (
    <ActionForm action={publishRules} submitLabel={t('submit')} errorSummaryLabel={form('errorSummary')} labels={labels}>
      <Hidden name="categoryBlocks" value={String(blocks)} />
      <fieldset className={styles.group}>
        <legend>{t('seatsTitle')}</legend>
        <p className="hint">{t('seatsHint')}</p>
        <div className={styles.twoColumns}>
          {number('rules.seats.drawnCitizens', t('drawnCitizens'), current.seats.drawnCitizens, undefined, 1)}
          {number('rules.seats.associations', t('associations'), current.seats.associations)}
          {number('rules.seats.expertsVoting', t('expertsVoting'), current.seats.expertsVoting)}
          {number('rules.seats.expertsConsultative', t('expertsConsultative'), current.seats.expertsConsultative)}
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t('termTitle')}</legend>
        {number('rules.termMonths', t('termMonths'), current.termMonths, t('termMonthsHint'), 3, 72)}
        <CheckboxField name="rules.rotationByThirds" label={t('rotationByThirds')} hint={t('rotationHint')} defaultChecked={current.rotationByThirds} className={styles.check} />
        {number('rules.substitutesPerSeatType', t('substitutesPerSeatType'), current.substitutesPerSeatType, t('substitutesHint'), 0, 50)}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t('votesTitle')}</legend>
        {number('rules.quorumPercent', t('quorumPercent'), current.quorumPercent, t('quorumHint'), 1, 100)}
        <p className="hint">{t('adoptionHint')}</p>
        <div className={styles.twoColumns}>
          {number('rules.adoptionThreshold.numerator', t('numerator'), current.adoptionThreshold.numerator, undefined, 1)}
          {number('rules.adoptionThreshold.denominator', t('denominator'), current.adoptionThreshold.denominator, undefined, 1, 100)}
        </div>
        {number('rules.responseDeadlineDays', t('responseDeadlineDays'), current.responseDeadlineDays, t('responseDeadlineHint'), 7, 365)}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t('categoriesTitle')}</legend>
        <p className="hint">{t('categoriesHint')}</p>
        {Array.from({ length: blocks }, (_, i) => {
          const category = current.categories[i];
          return (
            <fieldset key={i} className={styles.group}>
              <legend>{t('categoryLegend', { number: i + 1 })}</legend>
              <Field name={`rules.categories.${i}.category`} label={t('categoryName', { number: i + 1 })} hint={i === 0 ? t('categoryNameHint') : undefined} defaultValue={category?.category ?? ''} />
              <Field name={`rules.categories.${i}.label`} label={t('categoryLabel', { number: i + 1 })} hint={i === 0 ? t('categoryLabelHint') : undefined} defaultValue={category?.label ?? ''} />
              <TextAreaField
                name={`rules.categories.${i}.values`}
                label={t('categoryValues', { number: i + 1 })}
                hint={i === 0 ? t('categoryValuesHint') : undefined}
                defaultValue={category?.values.join('\n') ?? ''}
                rows={4}
                lang="fr"
                className={styles.textarea}
              />
            </fieldset>
          );
        })}
      </fieldset>
      <TextAreaField name="changeNote" label={t('changeNote')} hint={t('changeNoteHint')} rows={3} lang="fr" className={styles.textarea} />
    </ActionForm>
  );
}
