import type { AuthorityResponseViewDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxGroupField, Field, SelectField, TextAreaField } from '@/components/forms/ActionForm';
import { getDateWords } from '@/i18n/dates';

import { evaluateResponse, nameFollowUpGroup, verifyProgressReport } from '../actions';
import styles from './authority-responses.module.css';

type View = AuthorityResponseViewDto;
/** An active member the group may name. */
export type GroupCandidate = { id: string; displayName: string };

/**
 * The panel's marks on the town's answer (members only, as `viewer.can`
 * says): each progress report « vérifié par le comité » or « non confirmé »
 * with a note; the response's score (0–10) and evaluation, published at
 * once; the follow-up group.
 */
export async function PanelForms({ view, candidates }: { view: View; candidates: GroupCandidate[] }) {
  const [t, dates] = [await getTranslations('AuthorityResponses.panel'), await getDateWords()];
  const can = view.viewer.can;
  const reference = view.recommendation.reference;
  if (!view.response || !(can['authority-responses.verify'].allowed || can['authority-responses.evaluate'].allowed || can['authority-responses.name-follow-up'].allowed)) return null;
  const verifyLabels = { verified: t('verified'), note: t('note') };
  const evaluationLabels = { score: t('score'), evaluation: t('evaluation') };
  return (
    <section className="section" aria-labelledby="suivi-du-comite">
      <h2 id="suivi-du-comite">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>

      {can['authority-responses.verify'].allowed ? (
        <>
          <h3 id="verifier-les-points">{t('verifyTitle')}</h3>
          {view.progressReports.length === 0 ? (
            <p>{t('noReport')}</p>
          ) : (
            <ol className={styles.plainList}>
              {view.progressReports.map((report) => (
                <li key={report.number} className={styles.card} data-testid="report-to-verify">
                  <h4 id={`point-${report.number}`}>{t('reportHeading', { number: report.number, date: dates.date(report.submittedAt) })}</h4>
                  <p lang="fr" className="prewrap">
                    {report.body}
                  </p>
                  <p>
                    {report.verification === null
                      ? t('state.none')
                      : report.verification.verified
                        ? t('state.verified', { name: report.verification.by, date: dates.date(report.verification.at) })
                        : t('state.notVerified', { name: report.verification.by, date: dates.date(report.verification.at) })}
                  </p>
                  <ActionForm action={verifyProgressReport.bind(null, reference, report.number)} submitLabel={t('verifySubmit', { number: report.number })} errorSummaryLabel={t('errorSummary')} labels={verifyLabels}>
                    <SelectField
                      name="verified"
                      label={verifyLabels.verified}
                      defaultValue={report.verification === null ? '' : report.verification.verified ? 'yes' : 'no'}
                      options={[
                        { value: '', label: t('choose') },
                        { value: 'yes', label: t('yes') },
                        { value: 'no', label: t('no') },
                      ]}
                    />
                    <TextAreaField name="note" label={verifyLabels.note} hint={t('noteHint')} lang="fr" rows={3} defaultValue={report.verification?.note} />
                  </ActionForm>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}

      {can['authority-responses.evaluate'].allowed ? (
        <>
          <h3 id="evaluer-la-reponse">{t('evaluateTitle')}</h3>
          <ActionForm action={evaluateResponse.bind(null, reference)} submitLabel={t('evaluateSubmit')} errorSummaryLabel={t('errorSummary')} labels={evaluationLabels}>
            <Field name="score" label={evaluationLabels.score} hint={t('scoreHint')} inputMode="numeric" defaultValue={view.evaluation?.score} />
            <TextAreaField name="evaluation" label={evaluationLabels.evaluation} hint={t('evaluationHint')} lang="fr" rows={6} defaultValue={view.evaluation?.evaluation} />
          </ActionForm>
        </>
      ) : null}

      {can['authority-responses.name-follow-up'].allowed ? (
        <>
          <h3 id="groupe-de-suivi">{t('groupTitle')}</h3>
          {candidates.length === 0 ? (
            <p>{t('noCandidate')}</p>
          ) : (
            <ActionForm action={nameFollowUpGroup.bind(null, reference)} submitLabel={t('groupSubmit')} errorSummaryLabel={t('errorSummary')} labels={{ memberIds: t('group') }}>
              <CheckboxGroupField
                name="memberIds"
                label={t('group')}
                hint={t('groupHint')}
                options={candidates.map((member) => ({ value: member.id, label: member.displayName, lang: 'fr' }))}
                defaultChecked={view.followUpGroup.map((member) => member.id)}
              />
            </ActionForm>
          )}
        </>
      ) : null}
    </section>
  );
}
