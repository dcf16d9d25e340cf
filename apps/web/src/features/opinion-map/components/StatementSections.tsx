import type { ReactNode } from 'react';
import type { DeliberationDto, NextStatement, Permission, Statement, StatementList } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { getDateWords } from '@/i18n/dates';

import { decideStatement, voteOnStatement } from '../actions';
import { statementsPath } from '../paths';
import { StatementDecisionForm } from './StatementDecisionForm';
import { StatementForm } from './StatementForm';
import { decisionWords } from './StatementQueue';
import { VoteForm } from './VoteForm';
import styles from './opinion-map.module.css';

const signInHref = (reference: string) => `/connexion?retour=${encodeURIComponent(statementsPath(reference))}`;

async function voteTexts() {
  const t = await getTranslations('OpinionMap.vote');
  return { agree: t('agree'), disagree: t('disagree'), pass: t('pass'), current: t('current'), legend: t('legend') };
}

/** Why this reader may not vote or add a statement, in words, with the way forward (sign in, get verified). */
async function Refused({ permission, space }: { permission: Permission; space: DeliberationDto }) {
  const [t, dates] = [await getTranslations('OpinionMap.refused'), await getDateWords()];
  if (permission.reason === 'sign_in') {
    return (
      <p>
        <Link href={signInHref(space.subject.reference)} variant="button">
          {t('signIn')}
        </Link>
      </p>
    );
  }
  if (space.viewer.suspendedUntil && new Date(space.viewer.suspendedUntil) > new Date()) return <p>{t('suspended', { until: dates.dateTime(space.viewer.suspendedUntil) })}</p>;
  if (space.phase === 'not_open') return <p>{t('notOpen', { opens: dates.dateTime(space.rules.opensAt) })}</p>;
  if (space.phase === 'closed') return <p>{t('closed', { closes: dates.dateTime(space.rules.closesAt) })}</p>;
  if (permission.reason === 'verification_needed') {
    return (
      <>
        <p>{t('verify')}</p>
        <p>
          <Link href="/compte#verification">{t('verifyLink')}</Link>
        </p>
      </>
    );
  }
  if (permission.reason === 'wrong_state' && !space.viewer.charterAccepted) {
    return (
      <p>
        {t('charter')} <Link href="/propositions/charte">{t('charterLink')}</Link>
      </p>
    );
  }
  return <p>{t('forbidden')}</p>;
}

/** « Proposée par l’équipe d’organisation »: seeded statements are told apart from participants' ones. */
export async function SeededBadge({ seeded }: { seeded: boolean }) {
  if (!seeded) return null;
  const t = await getTranslations('OpinionMap.labels');
  return <span className={styles.badge}>{t('seeded')}</span>;
}

/** The next statement to vote on, in the algorithm's order, one at a time. */
/** `notice`: what the last vote did, shown (and focused) right above the next statement, where the page lands after a vote. */
export async function VoteNext({ space, list, next, notice }: { space: DeliberationDto; list: StatementList; next: NextStatement | null; notice?: ReactNode }) {
  const [t, labels] = [await getTranslations('OpinionMap.next'), await getTranslations('OpinionMap.labels')];
  const vote = list.viewer.can['opinion-map.vote'];
  const approved = list.statements.filter((statement) => statement.state === 'approved').length;
  let body;
  if (!vote.allowed || next === null) {
    body = <Refused permission={vote} space={space} />;
  } else if (next.statement === null) {
    body = <p>{approved === 0 ? t('noneYet') : t('allDone')}</p>;
  } else {
    const statement = next.statement;
    const textId = `a-voter-${statement.number}`;
    body = (
      <>
        <p className={styles.muted}>{t('remaining', { count: next.remaining })}</p>
        <div id={textId}>
          <p className={styles.muted}>
            {labels('number', { number: statement.number })} <SeededBadge seeded={statement.seeded} />
            {statement.meta ? <> · {labels('meta')}</> : null}
          </p>
          <blockquote className={styles.statement} lang="fr">
            {statement.text}
          </blockquote>
        </div>
        <VoteForm key={statement.id} action={voteOnStatement} spaceId={space.id} reference={space.subject.reference} statementId={statement.id} describedBy={textId} current={null} texts={await voteTexts()} />
      </>
    );
  }
  return (
    <section aria-labelledby="voter" className={styles.section}>
      <h2 id="voter" tabIndex={-1}>
        {t('title')}
      </h2>
      <p className="prose">{t('lead')}</p>
      {notice}
      {body}
    </section>
  );
}

/** The form to add a statement, with the space's limit, or why not. */
export async function AddStatement({ space, list }: { space: DeliberationDto; list: StatementList }) {
  const t = await getTranslations('OpinionMap.add');
  const add = list.viewer.can['opinion-map.add-statement'];
  // Allowed, or refused only for the charter: the form asks for it (accepted with a first statement).
  const charterAsked = !space.viewer.charterAccepted;
  const showForm = add.allowed || (add.reason === 'wrong_state' && charterAsked);
  return (
    <section aria-labelledby="ajouter" className={styles.section}>
      <h2 id="ajouter">{t('title')}</h2>
      <p className="prose">{t('lead', { max: list.maxLength })}</p>
      {showForm ? (
        <>
          {space.rules.moderation === 'pre' ? <p className="hint">{t('preModeration')}</p> : null}
          <StatementForm spaceId={space.id} reference={space.subject.reference} maxLength={list.maxLength} charterAsked={charterAsked} />
        </>
      ) : (
        <Refused permission={add} space={space} />
      )}
    </section>
  );
}

/** The reader's own statements, in every state, with the reason of a rejection. */
export async function MyStatements({ mine }: { mine: Statement[] }) {
  const [t, labels, dates] = [await getTranslations('OpinionMap.mine'), await getTranslations('OpinionMap.labels'), await getDateWords()];
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="mes-affirmations" className={styles.section}>
      <h2 id="mes-affirmations">{t('title', { count: mine.length })}</h2>
      <ul className={styles.list}>
        {mine.map((statement) => (
          <li key={statement.id}>
            <p className={styles.muted}>
              {labels('number', { number: statement.number })} · <time dateTime={statement.createdAt}>{dates.dateTime(statement.createdAt)}</time> ·{' '}
              <strong>{t(`states.${statement.state}`)}</strong>
              {statement.meta ? <> · {labels('meta')}</> : null}
            </p>
            <p lang="fr">{statement.text}</p>
            {statement.rejection ? (
              <p>
                {t('rejection')} <span lang="fr">{statement.rejection.description}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every public statement with its votes; a signed-in voter sees their vote and may change it. */
export async function AllStatements({ space, list }: { space: DeliberationDto; list: StatementList }) {
  const [t, labels, vote] = [await getTranslations('OpinionMap.all'), await getTranslations('OpinionMap.labels'), await getTranslations('OpinionMap.vote')];
  const approved = list.statements.filter((statement) => statement.state === 'approved');
  const canVote = list.viewer.can['opinion-map.vote'].allowed;
  const texts = await voteTexts();
  // Moderators act on published statements too: meta or not, or withdrawn with a reason (never on their own).
  const canModerate = list.viewer.can['opinion-map.moderate'].allowed;
  const [moderation, words] = canModerate ? [await getTranslations('OpinionMap.moderation'), await decisionWords()] : [null, null];
  const reasons = space.rules.moderationPolicy.map((reason) => ({ value: reason.code, label: reason.description }));
  return (
    <section aria-labelledby="toutes" className={styles.section}>
      <h2 id="toutes">{t('title', { count: approved.length })}</h2>
      <p className="prose">{t('lead', { voters: list.voters })}</p>
      {approved.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ol className={styles.list}>
          {approved.map((statement) => {
            const textId = `affirmation-${statement.number}-texte`;
            return (
              <li key={statement.id} id={`affirmation-${statement.number}`}>
                <p className={styles.muted}>
                  {labels('number', { number: statement.number })} <SeededBadge seeded={statement.seeded} />
                  {statement.meta ? <> · {labels('meta')}</> : null}
                </p>
                <p id={textId} lang="fr">
                  {statement.text}
                </p>
                <p className={styles.muted}>{t('counts', statement.votes)}</p>
                {statement.myVote ? <p>{t('myVote', { vote: vote(statement.myVote) })}</p> : null}
                {canVote && statement.myVote ? (
                  <details>
                    <summary>{t('change')}</summary>
                    <VoteForm action={voteOnStatement} spaceId={space.id} reference={space.subject.reference} statementId={statement.id} describedBy={textId} current={statement.myVote} from="list" texts={texts} />
                  </details>
                ) : null}
                {moderation && words && !statement.mine ? (
                  <details>
                    <summary>{moderation('published.summary', { number: statement.number })}</summary>
                    <p className="hint">{moderation('published.lead')}</p>
                    <StatementDecisionForm
                      action={decideStatement}
                      spaceId={space.id}
                      statementId={statement.id}
                      describedBy={textId}
                      reasons={reasons}
                      hidden={{ from: 'list', reference: space.subject.reference }}
                      buttons={[
                        statement.meta ? { intent: 'not_meta', label: moderation('published.notMeta') } : { intent: 'meta', label: moderation('published.meta') },
                        { intent: 'reject', label: moderation('published.reject') },
                      ]}
                      words={{ ...words, reasonHint: moderation('published.reasonHint') }}
                    />
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
