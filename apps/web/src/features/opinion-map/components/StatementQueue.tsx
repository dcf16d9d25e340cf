import type { DeliberationDto, Statement } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { getDateWords } from '@/i18n/dates';

import { decideStatement } from '../actions';
import { StatementDecisionForm } from './StatementDecisionForm';
import styles from './opinion-map.module.css';

const DONE = ['approve', 'reject', 'meta', 'not_meta'] as const;

/** The words a decision's answer page says (`?affirmation=approve`…), or null. */
export async function statementDecisionDone(decision: string | undefined): Promise<string | null> {
  const done = DONE.find((value) => value === decision);
  if (!done) return null;
  const t = await getTranslations('OpinionMap.moderation');
  return t(`done.${done}`);
}

/** « Affirmations à examiner »: the space's pending statements, each with its decision form. */
export async function StatementQueue({ space, statements }: { space: DeliberationDto; statements: Statement[] }) {
  const [t, dates, words] = [await getTranslations('OpinionMap.moderation'), await getDateWords(), await decisionWords()];
  const reasons = space.rules.moderationPolicy.map((reason) => ({ value: reason.code, label: reason.description }));
  const buttons = [
    { intent: 'approve' as const, label: t('approve') },
    { intent: 'meta' as const, label: t('meta') },
    { intent: 'reject' as const, label: t('reject') },
  ];
  return (
    <section aria-labelledby="affirmations-a-examiner" className="section">
      <h2 id="affirmations-a-examiner" tabIndex={-1}>
        {t('title', { count: statements.length })}
      </h2>
      <p className="prose">{t('lead')}</p>
      {statements.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className={styles.list}>
          {statements.map((statement) => {
            const headingId = `affirmation-${statement.id}`;
            return (
              <li key={statement.id}>
                <h3 id={headingId}>{t('itemTitle', { number: statement.number })}</h3>
                <p className={styles.muted}>
                  <time dateTime={statement.createdAt}>{t('written', { date: dates.dateTime(statement.createdAt) })}</time>
                </p>
                <blockquote className={styles.statement} lang="fr">
                  {statement.text}
                </blockquote>
                <StatementDecisionForm action={decideStatement} spaceId={space.id} statementId={statement.id} describedBy={headingId} reasons={reasons} buttons={buttons} words={words} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The words of the moderation forms (the queue's and the statements page's). */
export async function decisionWords() {
  const [t, form] = [await getTranslations('OpinionMap.moderation'), await getTranslations('Moderation.form')];
  return { reason: t('reason'), reasonHint: t('reasonHint'), reasonNone: t('reasonNone'), facts: t('facts'), errorSummary: form('errorSummary') };
}
