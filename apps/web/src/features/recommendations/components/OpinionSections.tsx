import type { OpinionDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import type { RecommendationLabels } from '../labels';
import { publicRecommendationPath } from '../paths';
import styles from './recommendations.module.css';
import { VoteTally } from './VoteTally';
import { fr } from '@/i18n/content';

type Item = OpinionDto['items'][number];

/** The procedure: the referral, the sessions held (with their quorum), the hearings. */
export async function ProcedureSection({ opinion, labels }: { opinion: OpinionDto; labels: RecommendationLabels }) {
  const t = await getTranslations('Recommendations.opinion');
  const { referral, sessions, hearings } = opinion.procedure;
  return (
    <section className="section" aria-labelledby="procedure">
      <h2 id="procedure">{t('procedure')}</h2>
      <p>{t('referral', { reference: referral.reference, source: labels.source(referral.source), date: labels.date(referral.createdAt) })}</p>
      <p className="prose" lang="fr">
        {referral.question}
      </p>
      <h3>{t('sessions')}</h3>
      {sessions.length === 0 ? (
        <p>{t('noSessions')}</p>
      ) : (
        <ul>
          {sessions.map((session) => (
            <li key={session.number}>
              {t('session', { number: session.number })} — <span lang="fr">{session.title}</span>
              {session.heldAt ? `, ${labels.date(session.heldAt)}` : null} — {t('sessionQuorum', { present: session.present, seats: session.quorum.votingSeats, required: session.quorum.required })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('hearings')}</h3>
      {hearings.length === 0 ? (
        <p>{t('noHearings')}</p>
      ) : (
        <ul>
          {hearings.map((hearing) => (
            <li key={hearing.id}>
              <span lang="fr">{hearing.name}</span>
              {hearing.affiliation ? (
                <>
                  {' ('}
                  <span lang="fr">{hearing.affiliation}</span>)
                </>
              ) : null}{' '}
              — {labels.hearingKind(hearing.kind)}, {labels.date(hearing.heldOn)}
              {hearing.interests ? (
                <>
                  {' — '}
                  {t('interests')} <span lang="fr">{hearing.interests}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One published recommendation: its text, how it was decided (counts per seat type), its amendments and dissents. */
export async function PublishedItem({ item, labels }: { item: Item; labels: RecommendationLabels }) {
  const t = await getTranslations('Recommendations.opinion');
  const id = `recommandation-${item.position}`;
  return (
    <article className={styles.item} aria-labelledby={id} data-testid="published-recommendation">
      <h3 id={id}>
        {t('itemHeading', { position: item.position })} — <span lang="fr">{item.title}</span>
      </h3>
      <div className={styles.text} lang="fr">
        {item.body}
      </div>
      <p>
        {t('itemFacts', { reference: item.reference, version: item.version, rapporteur: item.rapporteur.displayName, date: labels.date(item.adoptedAt) })}{' '}
        <Link href={publicRecommendationPath(item.reference)}>{t('itemPage')}</Link>
      </p>
      <h4>{t('howDecided')}</h4>
      <p>{t(item.vote.mode === 'secret' ? 'secretVote' : 'recordedVote')}</p>
      <VoteTally tally={item.vote.tally} withheld={item.vote.withheld} closed labels={labels} id={`${id}-vote`} subject={item.reference} />
      {item.vote.ballots.length > 0 ? (
        <details className={styles.ballots}>
          <summary>{t('ballots')}</summary>
          <ul>
            {item.vote.ballots.map((ballot) => (
              <li key={ballot.member.id}>
                <span lang="fr">{ballot.member.displayName}</span> ({labels.seatType(ballot.member.seatType)}) — {labels.choice(ballot.choice)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {item.amendments.length > 0 ? (
        <>
          <h4>{t('amendments')}</h4>
          <ul>
            {item.amendments.map((amendment) => (
              <li key={amendment.number}>
                {t.rich('amendment', { number: amendment.number, author: amendment.author.displayName, state: labels.amendmentState(amendment.state), fr })}
                {amendment.procedure ? ` — ${labels.procedure(amendment.procedure)}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('dissents')}</h4>
      {item.dissents.length === 0 ? (
        <p>{t('noDissent')}</p>
      ) : (
        item.dissents.map((dissent) => (
          <blockquote key={dissent.id} data-testid="published-dissent">
            <div className={styles.text} lang="fr">
              {dissent.body}
            </div>
            <p>
              —{' '}
              {dissent.anonymous
                ? t('anonymous', { count: dissent.signatures })
                : dissent.signatories.map((member) => `${member.displayName} (${labels.seatType(member.seatType)})`).join(', ')}
            </p>
          </blockquote>
        ))
      )}
    </article>
  );
}
