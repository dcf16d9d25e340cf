import { CONSULTATION_METHODS, MAJORITY_JUDGMENT_GRADES, type ConsultationDto, type HearingDto, type QuestionDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, CheckboxGroupField, Field, Hidden, SelectField, TextAreaField } from '@/components/forms/ActionForm';
import type { FormValues } from '@/components/forms/form-state';
import { Link } from '@/components/ui/Link';

import { answerQuestion, confirmPaperTotals, createConsultation, decideConsultation, enterPaperTotals, publishHearing, recordStationVote, updateConsultation, withdrawPaperTotals } from '../actions';
import styles from './consultations.module.css';

const value = (values: FormValues | undefined, name: string) => {
  const v = values?.[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The consultation's text, data use, schedule and decision rules: on creation,
 * and until the opening (after it, the API refuses with 422 and the form says
 * so at its top).
 */
export async function ConsultationForm({
  reference,
  values,
  dataUses,
  neighbourhoods,
  locked,
  published,
}: {
  reference?: string;
  values?: FormValues;
  dataUses: { reference: string; title: string }[];
  /** The territory's neighbourhoods: ticking some restricts the vote to their verified residents. */
  neighbourhoods: { id: string; name: string }[];
  locked?: boolean;
  /** Rules published (review M1): the rules and the dates no longer change, the text may still be corrected. */
  published?: boolean;
}) {
  const t = await getTranslations('Consultation.form');
  // Opened: nothing changes any more, so no fields to type into only to be refused (review L6); the public page shows it all.
  if (locked && reference) {
    return (
      <div className="notice" data-testid="consultation-locked">
        <p>{t('lockedNotice')}</p>
        <p>
          <Link href={`/consultations/${reference}`}>{t('lockedLink')}</Link>
        </p>
      </div>
    );
  }
  const form = await getTranslations('Form');
  const labels: Record<string, string> = {
    origin: t('origin'),
    proposalReference: t('proposalReference'),
    originNote: t('originNote'),
    title: t('title'),
    question: t('question'),
    briefing: t('briefing'),
    dataUseReference: t('dataUse'),
    informationOpensAt: t('informationOpensAt'),
    deliberationOpensAt: t('deliberationOpensAt'),
    voteOpensAt: t('voteOpensAt'),
    voteClosesAt: t('voteClosesAt'),
    method: t('method'),
    options: t('options'),
    maxApprovals: t('maxApprovals'),
    quorumPercent: t('quorumPercent'),
    abstention: t('abstention'),
    neighbourhoodIds: t('neighbourhoods'),
    whatNext: t('whatNext'),
  };
  const ticked = values?.neighbourhoodIds;
  return (
    <ActionForm action={reference ? updateConsultation : createConsultation} submitLabel={reference ? t('save') : t('create')} errorSummaryLabel={form('errorSummary')} labels={labels}>
      {reference ? <Hidden name="reference" value={reference} /> : null}
      {published ? <p className="notice">{t('publishedNotice')}</p> : null}
      {reference ? null : (
        <fieldset className={styles.group}>
          <legend>{t('originLegend')}</legend>
          <SelectField name="origin" label={labels.origin!} defaultValue={value(values, 'origin') ?? 'organizers'} options={(['proposal', 'panel_referral', 'organizers'] as const).map((o) => ({ value: o, label: t(`origins.${o}`) }))} />
          <Field name="proposalReference" label={labels.proposalReference!} hint={t('proposalReferenceHint')} defaultValue={value(values, 'proposalReference')} />
          <TextAreaField name="originNote" label={labels.originNote!} hint={t('originNoteHint')} rows={2} lang="fr" defaultValue={value(values, 'originNote')} />
        </fieldset>
      )}
      <Field name="title" label={labels.title!} defaultValue={value(values, 'title')} />
      <TextAreaField name="question" label={labels.question!} hint={t('questionHint')} rows={2} lang="fr" defaultValue={value(values, 'question')} />
      <TextAreaField name="briefing" label={labels.briefing!} hint={t('briefingHint')} rows={6} lang="fr" defaultValue={value(values, 'briefing')} />
      <SelectField
        name="dataUseReference"
        label={labels.dataUseReference!}
        hint={t('dataUseHint')}
        defaultValue={value(values, 'dataUseReference') ?? ''}
        options={[{ value: '', label: t('choose') }, ...dataUses.map((d) => ({ value: d.reference, label: `${d.title} (${d.reference})`, lang: 'fr' }))]}
      />
      <fieldset className={styles.group}>
        <legend>{t('scheduleLegend')}</legend>
        <p className="field-hint">{t('scheduleHint')}</p>
        {(['informationOpensAt', 'deliberationOpensAt', 'voteOpensAt', 'voteClosesAt'] as const).map((name) => (
          <Field key={name} name={name} type="datetime-local" label={labels[name]!} defaultValue={value(values, name)} />
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t('rulesLegend')}</legend>
        <p className="field-hint">{t('rulesHint')}</p>
        <SelectField name="method" label={labels.method!} defaultValue={value(values, 'method') ?? 'majority_judgment'} options={CONSULTATION_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))} />
        <TextAreaField name="options" label={labels.options!} hint={t('optionsHint', { grades: MAJORITY_JUDGMENT_GRADES.join(', ') })} rows={4} lang="fr" defaultValue={value(values, 'options')} />
        <Field name="maxApprovals" type="number" min={1} label={labels.maxApprovals!} hint={t('maxApprovalsHint')} defaultValue={value(values, 'maxApprovals')} inputMode="numeric" />
        <Field name="quorumPercent" type="number" min={0} max={100} label={labels.quorumPercent!} hint={t('quorumHint')} defaultValue={value(values, 'quorumPercent') ?? '0'} inputMode="numeric" />
        <SelectField name="abstention" label={labels.abstention!} defaultValue={value(values, 'abstention') ?? 'not_expressed'} options={(['not_expressed', 'expressed'] as const).map((a) => ({ value: a, label: t(`abstentions.${a}`) }))} />
        <CheckboxGroupField
          name="neighbourhoodIds"
          label={labels.neighbourhoodIds!}
          hint={t('neighbourhoodsHint')}
          options={neighbourhoods.map((n) => ({ value: n.id, label: n.name, lang: 'fr' }))}
          defaultChecked={Array.isArray(ticked) ? ticked : ticked ? [ticked] : []}
        />
        <TextAreaField name="whatNext" label={labels.whatNext!} hint={t('whatNextHint')} rows={3} lang="fr" defaultValue={value(values, 'whatNext')} />
      </fieldset>
    </ActionForm>
  );
}

/** Publish the rules, open the deliberation space, cancel (with a published reason), refer the results to the panel. */
export async function DecisionForms({ consultation: c }: { consultation: ConsultationDto }) {
  const t = await getTranslations('Consultation.organizer');
  const form = await getTranslations('Form');
  const can = c.viewer.can;
  return (
    <div className={styles.actions}>
      {can['consultations.publish'].allowed ? (
        <ActionForm action={decideConsultation} submitLabel={t('publish')} errorSummaryLabel={form('errorSummary')}>
          <Hidden name="reference" value={c.reference} />
          <Hidden name="move" value="publish" />
          <p>{t('publishHint')}</p>
        </ActionForm>
      ) : null}
      {can['consultations.open-deliberation'].allowed && !c.deliberation ? (
        <ActionForm action={decideConsultation} submitLabel={t('openDeliberation')} errorSummaryLabel={form('errorSummary')} variant="secondary">
          <Hidden name="reference" value={c.reference} />
          <Hidden name="move" value="deliberation" />
        </ActionForm>
      ) : null}
      {can['consultations.refer'].allowed ? (
        <ActionForm action={decideConsultation} submitLabel={t('refer')} errorSummaryLabel={form('errorSummary')} variant="secondary" labels={{ note: t('referNote') }}>
          <Hidden name="reference" value={c.reference} />
          <Hidden name="move" value="refer" />
          <TextAreaField name="note" label={t('referNote')} rows={2} lang="fr" />
        </ActionForm>
      ) : null}
      {can['consultations.cancel'].allowed ? (
        <ActionForm action={decideConsultation} submitLabel={t('cancel')} errorSummaryLabel={form('errorSummary')} variant="secondary" labels={{ reason: t('cancelReason') }}>
          <Hidden name="reference" value={c.reference} />
          <Hidden name="move" value="cancel" />
          <TextAreaField name="reason" label={t('cancelReason')} hint={t('cancelHint')} rows={2} lang="fr" />
        </ActionForm>
      ) : null}
    </div>
  );
}

export async function HearingForm({ reference }: { reference: string }) {
  const t = await getTranslations('Consultation.hearingForm');
  const hearings = await getTranslations('Consultation.hearings');
  const form = await getTranslations('Form');
  const labels = {
    speaker: t('speaker'),
    affiliation: t('affiliation'),
    declaredInterests: t('declaredInterests'),
    position: t('position'),
    summary: t('summary'),
    documentUrl: t('documentUrl'),
    heldOn: t('heldOn'),
  };
  return (
    <ActionForm action={publishHearing} submitLabel={t('submit')} errorSummaryLabel={form('errorSummary')} labels={labels}>
      <Hidden name="reference" value={reference} />
      <Field name="speaker" label={labels.speaker} />
      <Field name="affiliation" label={labels.affiliation} />
      <TextAreaField name="declaredInterests" label={labels.declaredInterests} hint={t('declaredInterestsHint')} rows={2} lang="fr" />
      <SelectField name="position" label={labels.position} defaultValue="neutral" options={(['for', 'against', 'neutral'] as const).map((p) => ({ value: p, label: hearings(`positions.${p}`) }))} />
      <TextAreaField name="summary" label={labels.summary} rows={4} lang="fr" />
      <Field name="documentUrl" label={labels.documentUrl} hint={t('documentUrlHint')} />
      <Field name="heldOn" type="date" label={labels.heldOn} />
    </ActionForm>
  );
}

export async function AnswerForm({ reference, question, hearings }: { reference: string; question: QuestionDto; hearings: HearingDto[] }) {
  const t = await getTranslations('Consultation.organizer');
  const form = await getTranslations('Form');
  return (
    <ActionForm action={answerQuestion} submitLabel={t('answer')} errorSummaryLabel={form('errorSummary')} labels={{ body: t('answerBody'), hearingId: t('answeredBy') }}>
      <Hidden name="reference" value={reference} />
      <Hidden name="questionId" value={question.id} />
      <TextAreaField name="body" label={t('answerBody')} rows={3} lang="fr" />
      <SelectField name="hearingId" label={t('answeredBy')} defaultValue="" options={[{ value: '', label: t('organizers') }, ...hearings.map((h) => ({ value: h.id, label: h.speaker, lang: 'fr' }))]} />
    </ActionForm>
  );
}

/** At a polling station: record that a checked person voted (the same participation row as online: nobody votes twice). */
export async function StationVoteForm({ reference, voterCode, stationName }: { reference: string; voterCode: string; stationName: string }) {
  const t = await getTranslations('Consultation.station');
  const form = await getTranslations('Form');
  return (
    <ActionForm action={recordStationVote} submitLabel={t('record')} errorSummaryLabel={form('errorSummary')} labels={{ stationName: t('stationName') }}>
      <Hidden name="reference" value={reference} />
      <Hidden name="voterCode" value={voterCode} />
      <Field name="stationName" label={t('stationName')} defaultValue={stationName} />
    </ActionForm>
  );
}

/** A second officer confirms a count record entered by another account (the API refuses the same account). */
export async function ConfirmCountForm({ reference, countId, stationName }: { reference: string; countId: string; stationName: string }) {
  const t = await getTranslations('Consultation.station');
  const form = await getTranslations('Form');
  return (
    <ActionForm action={confirmPaperTotals} submitLabel={t('confirm', { station: stationName })} errorSummaryLabel={form('errorSummary')} variant="secondary">
      <Hidden name="reference" value={reference} />
      <Hidden name="countId" value={countId} />
    </ActionForm>
  );
}

/** The officer who entered an unconfirmed count record (or an organizer) withdraws it, after ticking that they mean it. */
export async function WithdrawCountForm({ reference, countId, stationName }: { reference: string; countId: string; stationName: string }) {
  const t = await getTranslations('Consultation.station');
  const form = await getTranslations('Form');
  return (
    <ActionForm action={withdrawPaperTotals} submitLabel={t('withdraw')} errorSummaryLabel={form('errorSummary')} variant="secondary" labels={{ understood: t('withdrawConfirm', { station: stationName }) }}>
      <Hidden name="reference" value={reference} />
      <Hidden name="countId" value={countId} />
      <CheckboxField name="understood" label={t('withdrawConfirm', { station: stationName })} />
    </ActionForm>
  );
}

/** The station's count record: totals, two officers, time and place. */
export async function PaperTotalsForm({ consultation: c }: { consultation: ConsultationDto }) {
  const t = await getTranslations('Consultation.station');
  const results = await getTranslations('Consultation.results');
  const form = await getTranslations('Form');
  const labels: Record<string, string> = {
    stationName: t('stationName'),
    place: t('place'),
    countedAt: t('countedAt'),
    officer1: t('officer1'),
    officer2: t('officer2'),
    ballots: t('ballots'),
    blankOrInvalid: t('blankOrInvalid'),
  };
  const { method, options } = c.rules;
  return (
    <ActionForm action={enterPaperTotals} submitLabel={t('submitTotals')} errorSummaryLabel={form('errorSummary')} labels={labels}>
      <Hidden name="reference" value={c.reference} />
      <Field name="stationName" label={labels.stationName!} />
      <Field name="place" label={labels.place!} />
      <Field name="countedAt" type="datetime-local" label={labels.countedAt!} />
      <Field name="officer1" label={labels.officer1!} />
      <Field name="officer2" label={labels.officer2!} />
      <Field name="ballots" type="number" min={0} inputMode="numeric" label={labels.ballots!} />
      <Field name="blankOrInvalid" type="number" min={0} inputMode="numeric" label={labels.blankOrInvalid!} defaultValue="0" />
      {method === 'yes_no_abstain' ? (
        <fieldset className={styles.group}>
          <legend>{t('countsLegend')}</legend>
          {(['yes', 'no', 'abstain'] as const).map((a) => (
            <Field key={a} name={`count-${a}`} type="number" min={0} inputMode="numeric" label={results(`answers.${a}`)} defaultValue="0" />
          ))}
        </fieldset>
      ) : method === 'majority_judgment' ? (
        options.map((o) => (
          <fieldset key={o.id} className={styles.group}>
            <legend lang="fr">{t('gradesLegend', { option: o.label })}</legend>
            {(c.grades ?? []).map((g, i) => (
              <Field key={g} name={`count-${o.id}-${i}`} type="number" min={0} inputMode="numeric" label={g} defaultValue="0" />
            ))}
          </fieldset>
        ))
      ) : (
        <fieldset className={styles.group}>
          <legend>{t('countsLegend')}</legend>
          {options.map((o) => (
            <Field key={o.id} name={`count-${o.id}`} type="number" min={0} inputMode="numeric" label={o.label} defaultValue="0" />
          ))}
        </fieldset>
      )}
    </ActionForm>
  );
}
