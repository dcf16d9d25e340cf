import type { StatementOfReasons } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import type { ModerationLabels } from '../labels';
import styles from './moderation.module.css';

type Props = {
  statement: StatementOfReasons;
  labels: ModerationLabels;
  policy?: readonly { code: string; description: string }[];
  /** The subject it was taken in (the overall log, the person's own decisions). */
  subject?: ReactNode;
  /** Shown to the person concerned: how to appeal. */
  showHowToAppeal?: boolean;
  children?: ReactNode;
};

/**
 * A statement of reasons (EU Digital Services Act, art. 17): the decision,
 * its ground, the facts, whether it was automatic, its date, the end of a
 * suspension and the appeal's outcome — never the hidden text.
 */
export async function Statement({ statement, labels, policy, subject, showHowToAppeal = false, children }: Props) {
  const [t, dates] = [await getTranslations('Moderation.statement'), await getDateWords()];
  const ground = labels.ground(statement, policy);
  return (
    <>
      <dl className={styles.facts}>
        {subject ? (
          <>
            <dt>{t('subject')}</dt>
            <dd>{subject}</dd>
          </>
        ) : null}
        <dt>{t('decision')}</dt>
        <dd>
          {labels.decision(statement.decision)}{' '}
          <span className={styles.badge} data-tone={statement.automatic ? 'automatic' : 'human'}>
            {statement.automatic ? t('automatic') : t('human')}
          </span>
        </dd>
        <dt>{t('date')}</dt>
        <dd>
          <time dateTime={statement.decidedAt}>{dates.dateTime(statement.decidedAt)}</time>
        </dd>
        <dt>{t('ground')}</dt>
        <dd>{ground ? <>{ground.label} <span lang={ground.lang}>{ground.text}</span></> : t('noGround')}</dd>
        <dt>{t('facts')}</dt>
        <dd>{statement.facts ? <Content>{statement.facts}</Content> : t('noFacts')}</dd>
        {statement.suspendedUntil ? (
          <>
            <dt>{t('suspendedUntil')}</dt>
            <dd>
              <time dateTime={statement.suspendedUntil}>{dates.dateTime(statement.suspendedUntil)}</time>
            </dd>
          </>
        ) : null}
        {showHowToAppeal ? (
          <>
            <dt>{t('howToAppeal')}</dt>
            <dd>{t('howToAppealText')}</dd>
          </>
        ) : null}
        <dt>{t('appeal')}</dt>
        <dd>
          {statement.appeal ? (
            <>
              {labels.outcome(statement.appeal.outcome)}
              {statement.appeal.decidedAt ? (
                <>
                  {' '}
                  (<time dateTime={statement.appeal.decidedAt}>{dates.date(statement.appeal.decidedAt)}</time>)
                </>
              ) : null}
              {statement.appeal.facts ? (
                <>
                  {' — '}
                  <Content>{statement.appeal.facts}</Content>
                </>
              ) : null}
            </>
          ) : (
            t('noAppeal')
          )}
        </dd>
      </dl>
      {children}
    </>
  );
}
