import { ACTION_STATUSES, type AuthorityResponseViewDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ActionForm, Field, Hidden, SelectField, TextAreaField } from '@/components/forms/ActionForm';
import { getDateWords } from '@/i18n/dates';

import { addImplementationAction, fileProgressReport, updateImplementationAction } from '../actions';
import styles from './authority-responses.module.css';

type View = AuthorityResponseViewDto;

async function statusOptions() {
  const t = await getTranslations('AuthorityResponses.block.status');
  return ACTION_STATUSES.map((value) => ({ value, label: t(value) }));
}

/** When the next progress report is due, and whether it is late: the first thing the authority sees on its tracking page. */
export async function NextReportNotice({ view }: { view: View }) {
  const [t, dates] = [await getTranslations('AuthorityResponses.tracking'), await getDateWords()];
  const next = view.nextProgressReport;
  if (!next) return null;
  return (
    <p className={next.overdue ? 'callout' : undefined} data-testid="next-report">
      {next.overdue
        ? t('nextLate', { number: next.number, date: dates.date(next.dueAt), count: next.daysOverdue })
        : t('nextDue', { number: next.number, date: dates.date(next.dueAt) })}
    </p>
  );
}

/** The implementation actions: each one's form to update it (in a disclosure), then a form to add one. */
export async function ActionsSection({ view }: { view: View }) {
  const [t, dates, statuses] = [await getTranslations('AuthorityResponses.tracking'), await getDateWords(), await statusOptions()];
  const status = await getTranslations('AuthorityResponses.block.status');
  const reference = view.recommendation.reference;
  const labels = { title: t('action.title'), owner: t('action.owner'), status: t('action.status'), progress: t('action.progress'), dueOn: t('action.dueOn') };
  const fields = (action?: View['actions'][number]) => (
    <>
      <Field name="title" label={labels.title} hint={t('action.titleHint')} defaultValue={action?.title} />
      <Field name="owner" label={labels.owner} hint={t('action.ownerHint')} defaultValue={action?.owner} autoComplete="organization" />
      <SelectField name="status" label={labels.status} options={statuses} defaultValue={action?.status ?? 'planned'} />
      <Field name="progress" label={labels.progress} hint={t('action.progressHint')} inputMode="numeric" defaultValue={action?.progress ?? 0} />
      <Field name="dueOn" type="date" label={labels.dueOn} hint={t('action.dueOnHint')} defaultValue={action?.dueOn ?? undefined} />
    </>
  );
  return (
    <section className="section" aria-labelledby="actions-de-mise-en-oeuvre">
      <h2 id="actions-de-mise-en-oeuvre">{t('actionsTitle')}</h2>
      <p className="prose">{t('actionsLead')}</p>
      {view.actions.length === 0 ? (
        <p>{t('noAction')}</p>
      ) : (
        <ol className={styles.plainList}>
          {view.actions.map((action) => (
            <li key={action.number} className={styles.card} data-testid="tracked-action">
              <h3 id={`action-${action.number}`}>
                {t('actionHeading', { number: action.number })} <span lang="fr">{action.title}</span>
              </h3>
              <p>
                <span lang="fr">{action.owner}</span> — {status(action.status)} — {t('percent', { progress: action.progress })}
                {action.dueOn ? <> — {t('dueOn', { date: dates.day(action.dueOn) })}</> : null}
              </p>
              <details className={styles.details}>
                <summary>{t('editAction', { number: action.number })}</summary>
                <ActionForm action={updateImplementationAction.bind(null, reference, action.number)} submitLabel={t('action.update')} errorSummaryLabel={t('errorSummary')} labels={labels}>
                  {fields(action)}
                </ActionForm>
              </details>
            </li>
          ))}
        </ol>
      )}
      <h3 id="ajouter-une-action">{t('addTitle')}</h3>
      <ActionForm action={addImplementationAction.bind(null, reference)} submitLabel={t('action.add')} errorSummaryLabel={t('errorSummary')} labels={labels}>
        {fields()}
      </ActionForm>
    </section>
  );
}

/** A progress report: what it says, and each action's status and progress as of today (filled with their current values). */
export async function ReportSection({ view }: { view: View }) {
  const [t, statuses] = [await getTranslations('AuthorityResponses.tracking'), await statusOptions()];
  const next = view.nextProgressReport;
  const rows = view.actions.map((action, i) => ({ action, i, status: t('report.status', { number: action.number }), progress: t('report.progress', { number: action.number }) }));
  const body = t('report.body');
  const labels: Record<string, string> = { body, ...Object.fromEntries(rows.flatMap((row) => [[`actions.${row.i}.status`, row.status], [`actions.${row.i}.progress`, row.progress]])) };
  return (
    <section className="section" aria-labelledby="point-d-etape">
      <h2 id="point-d-etape">{next ? t('reportTitle', { number: next.number }) : t('reportTitleAny')}</h2>
      <NextReportNotice view={view} />
      <p className="prose">{t('reportLead')}</p>
      <ActionForm action={fileProgressReport.bind(null, view.recommendation.reference)} submitLabel={t('report.submit')} errorSummaryLabel={t('errorSummary')} labels={labels}>
        <TextAreaField name="body" label={body} hint={t('report.bodyHint')} lang="fr" rows={6} />
        <Hidden name="actionCount" value={String(view.actions.length)} />
        {rows.map(({ action, i, status, progress }) => (
          <fieldset key={action.number} className={styles.fieldset}>
            <legend>
              {t('actionHeading', { number: action.number })} <span lang="fr">{action.title}</span>
            </legend>
            <Hidden name={`actions.${i}.number`} value={String(action.number)} />
            <SelectField name={`actions.${i}.status`} label={status} options={statuses} defaultValue={action.status} />
            <Field name={`actions.${i}.progress`} label={progress} hint={t('action.progressHint')} inputMode="numeric" defaultValue={action.progress} />
          </fieldset>
        ))}
      </ActionForm>
    </section>
  );
}
