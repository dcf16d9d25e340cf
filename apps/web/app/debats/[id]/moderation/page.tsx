import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePerson } from '@/features/identity/session';
import { decideAppeal, decideContribution, decideMany } from '@/features/moderation/actions';
import { BulkForm } from '@/features/moderation/components/BulkForm';
import { DecisionForm } from '@/features/moderation/components/DecisionForm';
import styles from '@/features/moderation/components/moderation.module.css';
import { ReasonButtonsForm } from '@/features/moderation/components/ReasonButtonsForm';
import { SpaceLinks } from '@/features/moderation/components/SpaceLinks';
import { Statement } from '@/features/moderation/components/Statement';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchQueue, fetchSpace, now, type QueueItem } from '@/features/moderation/queries';
import { StatementQueue, statementDecisionDone } from '@/features/opinion-map/components/StatementQueue';
import { fetchStatementQueue } from '@/features/opinion-map/queries';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.queue'))('metaTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ decision?: string; nombre?: string; appel?: string; affirmation?: string }> };

/** The decisions a moderator may take on a contribution in its state. */
const DECISIONS_BY_STATE: Record<string, string[]> = {
  pending: ['approve', 'reject', 'edit_personal_data', 'warn', 'suspend'],
  hidden_automatically: ['hide', 'restore', 'edit_personal_data', 'warn', 'suspend'],
  visible: ['hide', 'edit_personal_data', 'warn', 'suspend'],
  hidden: ['restore', 'warn', 'suspend'],
};

const BULK_FORM = 'decision-groupee';

/**
 * The moderators' queue of a space: pending and reported contributions with
 * their full text, the thread they answer, earlier texts, the reports, the
 * author's past decisions and the waiting time; a decision form for each,
 * bulk approve or reject, and the appeals waiting for another moderator.
 */
export default async function ModerationQueuePage({ params, searchParams }: Props) {
  const { id } = await params;
  const person = await requirePerson(`/debats/${id}/moderation`);
  const space = await fetchSpace(id);
  if (!space) notFound();
  const t = await getTranslations('Moderation.queue');
  if (!space.viewer.can['deliberations.moderate'].allowed) {
    return (
      <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')}>
        <p>
          <Link href="/moderation">{t('forbiddenBack')}</Link>
        </p>
      </PageHeader>
    );
  }
  const [queue, statements, labels, dates, a, form, query] = [
    await fetchQueue(person, id),
    await fetchStatementQueue(id, person),
    await moderationLabels(),
    await getDateWords(),
    await getTranslations('Moderation.appeals'),
    await getTranslations('Moderation.form'),
    await searchParams,
  ];
  const policy = space.rules.moderationPolicy;
  const reasons = policy.map((reason) => ({ value: reason.code, label: reason.description }));
  const appeals = queue.appeals ?? [];
  const pending = queue.items.filter((item) => item.contribution.state === 'pending');
  const at = now().getTime();
  const waited = (since: string) => Math.max(0, Math.floor((at - Date.parse(since)) / 3_600_000));
  const done = query.decision
    ? t('done', { decision: labels.decision(query.decision), count: Number(query.nombre) || 1 })
    : query.appel === 'upheld' || query.appel === 'reversed'
      ? a('done', { outcome: labels.outcome(query.appel) })
      : await statementDecisionDone(query.affirmation);
  const groundWords = {
    ground: form('ground'),
    groundHint: form('groundHint'),
    groundNone: form('groundNone'),
    law: form('law'),
    lawHint: form('lawHint'),
    facts: form('facts'),
    factsHint: form('factsHint'),
    errorSummary: form('errorSummary'),
  };

  const item = async (entry: QueueItem) => {
    const c = entry.contribution;
    const headingId = `contribution-${c.id}`;
    return (
      <li key={c.id} className={styles.item}>
        <h3 id={headingId}>{t('itemTitle', { stance: labels.stance(c.stance), state: t(`states.${c.state}` as never) })}</h3>
        <p className={styles.muted}>
          {c.author ? t.rich('author', { author: c.author, fr: (chunks) => <Content>{chunks}</Content> }) : t('workshopAuthor')} ·{' '}
          <time dateTime={c.createdAt}>{dates.dateTime(c.createdAt)}</time> · {t('waiting', { hours: waited(entry.waitingSince) })}
        </p>
        {c.state === 'pending' ? (
          <div className={styles.check}>
            <input type="checkbox" id={`choisir-${c.id}`} name="contributionIds" value={c.id} form={BULK_FORM} />
            <label htmlFor={`choisir-${c.id}`}>{t('select')}</label>
          </div>
        ) : null}
        {entry.parentBody ? (
          <>
            <h4>{t('parent')}</h4>
            <blockquote className={styles.quote} lang="fr">
              {entry.parentBody}
            </blockquote>
          </>
        ) : null}
        <h4>{t('text')}</h4>
        <blockquote className={styles.quote} lang="fr">
          {c.body}
        </blockquote>
        {c.previousBodies.length > 0 ? (
          <details className={styles.more}>
            <summary>{t('previous', { count: c.previousBodies.length })}</summary>
            {c.previousBodies.map((body, index) => (
              <blockquote key={index} className={styles.quote} lang="fr">
                {body}
              </blockquote>
            ))}
          </details>
        ) : null}
        <h4>{t('reports', { count: entry.reports.length })}</h4>
        {entry.reports.length === 0 ? (
          <p>{t('noReports')}</p>
        ) : (
          <ul>
            {entry.reports.map((report, index) => {
              const reason = labels.reason(report.reasonCode, policy);
              return (
                <li key={index}>
                  <span lang={reason.lang}>{reason.text}</span> (<time dateTime={report.at}>{dates.dateTime(report.at)}</time>)
                  {report.law ? <> · {t.rich('reportLaw', { law: report.law, fr: (chunks) => <Content>{chunks}</Content> })}</> : null}
                  {report.explanation ? <> · <Content>{report.explanation}</Content></> : null}
                </li>
              );
            })}
          </ul>
        )}
        <details className={styles.more}>
          <summary>{t('authorDecisions', { count: entry.authorDecisions.length })}</summary>
          {entry.authorDecisions.length === 0 ? (
            <p>{t('noAuthorDecisions')}</p>
          ) : (
            <ul>
              {entry.authorDecisions.map((decision) => (
                <li key={decision.id}>
                  <time dateTime={decision.decidedAt}>{dates.date(decision.decidedAt)}</time> : {labels.decision(decision.decision)}
                  {decision.facts ? <> — <Content>{decision.facts}</Content></> : null}
                </li>
              ))}
            </ul>
          )}
        </details>
        <DecisionForm
          action={decideContribution}
          spaceId={id}
          contributionId={c.id}
          reasons={reasons}
          currentBody={c.body}
          describedBy={headingId}
          words={{
            ...groundWords,
            legend: form('decision'),
            hint: form('decisionHint'),
            decisions: (DECISIONS_BY_STATE[c.state] ?? ['warn', 'suspend']).map((value) => ({ value, label: form(`decisions.${value}` as never) })),
            body: form('body'),
            bodyHint: form('bodyHint'),
            days: form('days'),
            daysHint: form('daysHint'),
            submit: form('submit'),
          }}
        />
      </li>
    );
  };

  return (
    <>
      {done ? <Announcement>{done}</Announcement> : null}
      <PageHeader title={t('title')} lead={t.rich('lead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <SpaceLinks space={space} current="moderation" />
      </PageHeader>

      <section aria-labelledby="a-examiner" className="section">
        <h2 id="a-examiner">{t('itemsTitle', { count: queue.items.length })}</h2>
        {queue.items.length === 0 ? <p>{t('empty')}</p> : null}
        {pending.length > 0 ? <BulkForm action={decideMany} id={BULK_FORM} spaceId={id} reasons={reasons} words={{ ...groundWords, title: t('bulkTitle'), hint: t('bulkHint'), approve: t('bulkApprove'), reject: t('bulkReject') }} /> : null}
        {queue.items.length > 0 ? <ul className={styles.queue}>{await Promise.all(queue.items.map(item))}</ul> : null}
      </section>

      <StatementQueue space={space} statements={statements} />

      <section aria-labelledby="appels" className="section">
        <h2 id="appels">{a('title', { count: appeals.length })}</h2>
        <p className="prose">{a('lead')}</p>
        {appeals.length === 0 ? (
          <p>{a('empty')}</p>
        ) : (
          <ul className={styles.queue}>
            {appeals.map((appeal) => (
              <li key={appeal.id} className={styles.item}>
                <h3 id={`appel-${appeal.id}`}>{a('itemTitle', { decision: labels.decision(appeal.decision.decision) })}</h3>
                <p className={styles.muted}>
                  <time dateTime={appeal.filedAt}>{a('filedOn', { date: dates.dateTime(appeal.filedAt) })}</time>
                </p>
                <Statement statement={appeal.decision} labels={labels} policy={policy} />
                {appeal.contributionBody ? (
                  <>
                    <h4>{a('contribution')}</h4>
                    <blockquote className={styles.quote} lang="fr">
                      {appeal.contributionBody}
                    </blockquote>
                  </>
                ) : null}
                <h4>{a('explanation')}</h4>
                <blockquote className={styles.quote} lang="fr">
                  {appeal.explanation}
                </blockquote>
                {appeal.canDecide ? (
                  <ReasonButtonsForm
                    action={decideAppeal}
                    hidden={{ spaceId: id, appealId: appeal.id }}
                    field={{ name: 'reason', label: a('reason'), hint: a('reasonHint') }}
                    describedBy={`appel-${appeal.id}`}
                    errorSummary={form('errorSummary')}
                    buttons={[
                      { intent: 'upheld', label: a('uphold') },
                      { intent: 'reversed', label: a('reverse'), variant: 'secondary' },
                    ]}
                  />
                ) : (
                  <p>{a('ownDecision')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
