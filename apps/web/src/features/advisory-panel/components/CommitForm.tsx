import { WITNESS_KINDS, type AdvisoryPanelDto, type WitnessKind } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field, Hidden, SelectField } from '@/components/forms/ActionForm';

import { commitDraw } from '../actions';
import { WITNESS_BLOCKS } from '../form-values';
import { panelLabels } from '../labels';
import styles from './advisory-panel.module.css';

const DEFAULT_KINDS: WitnessKind[] = ['organizer', 'association', 'resident_observer', 'other'];

/**
 * The draw's commitment: the pool and its quotas (fixed now), the kind of
 * draw, and each witness's name and seed hash — the organizers and at least one
 * other party. Once published, nothing of it changes; the computation starts.
 * It says first how many citizens' seats are free (and vacated): a draw for
 * more is refused before anything is computed.
 */
export async function CommitForm({
  poolId,
  poolPanelSize,
  seats,
  replacementPossible,
}: {
  poolId: string;
  poolPanelSize: number;
  seats: AdvisoryPanelDto['citizenSeats'];
  replacementPossible: boolean;
}) {
  const [t, form, labels] = [await getTranslations('AdvisoryPanelAdmin.commit'), await getTranslations('Form'), await panelLabels()];
  const fieldLabels: Record<string, string> = { kind: t('kind'), witnesses: t('witnessesTitle') };
  for (let i = 0; i < WITNESS_BLOCKS; i++) {
    fieldLabels[`witnesses.${i}.name`] = t('name', { number: i + 1 });
    fieldLabels[`witnesses.${i}.kind`] = t('witnessKind', { number: i + 1 });
    fieldLabels[`witnesses.${i}.seedHash`] = t('seedHash', { number: i + 1 });
  }
  fieldLabels.confirm = t('confirm');
  fieldLabels.panelSize = t('panelSize');
  return (
    <ActionForm action={commitDraw} submitLabel={t('submit')} errorSummaryLabel={form('errorSummary')} labels={fieldLabels}>
      <Hidden name="poolId" value={poolId} />
      <div className={styles.group} id="sieges-libres">
        <p className={styles.itemTitle}>{t('seatsTitle')}</p>
        <p>{t('seats', { seats: seats.seats, held: seats.held, reserved: seats.reserved, free: seats.free, vacated: seats.vacated })}</p>
        <p>{t('poolSize', { size: poolPanelSize })}</p>
        {poolPanelSize > seats.free ? <p className="hint">{t('tooMany', { size: poolPanelSize, free: seats.free })}</p> : null}
      </div>
      <SelectField
        name="kind"
        label={t('kind')}
        options={[{ value: 'initial', label: labels.drawKind('initial') }, ...(replacementPossible ? [{ value: 'replacement', label: labels.drawKind('replacement') }] : [])]}
        defaultValue="initial"
      />
      {replacementPossible ? <Field name="panelSize" label={t('panelSize')} hint={t('panelSizeHint', { vacated: seats.vacated })} inputMode="numeric" /> : null}
      <p className="hint">{t('witnessesHint')}</p>
      {Array.from({ length: WITNESS_BLOCKS }, (_, i) => (
        <fieldset key={i} className={styles.group}>
          <legend>{i < 2 ? t('witnessLegend', { number: i + 1 }) : t('witnessLegendOptional', { number: i + 1 })}</legend>
          <Field name={`witnesses.${i}.name`} label={t('name', { number: i + 1 })} hint={i === 0 ? t('nameHint') : undefined} />
          <SelectField name={`witnesses.${i}.kind`} label={t('witnessKind', { number: i + 1 })} options={WITNESS_KINDS.map((kind) => ({ value: kind, label: labels.witnessKind(kind) }))} defaultValue={DEFAULT_KINDS[i]} />
          <Field name={`witnesses.${i}.seedHash`} label={t('seedHash', { number: i + 1 })} hint={i === 0 ? t('seedHashHint') : undefined} />
        </fieldset>
      ))}
      <CheckboxField name="confirm" label={t('confirm')} hint={t('confirmHint')} className={styles.check} />
    </ActionForm>
  );
}
