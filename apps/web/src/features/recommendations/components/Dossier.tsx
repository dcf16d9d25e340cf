import { SMALL_COUNT_THRESHOLD, type ReferralDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import type { RecommendationLabels } from '../labels';
import styles from './recommendations.module.css';

type Dossier = ReferralDto['dossier'];

/**
 * The referral's dossier as the panel examines it: the consultation's tally,
 * turnout and participation, the opinion map's groups and bridging
 * statements, the strongest arguments each side; or the proposal; or the data
 * use past its date. What people wrote is marked French.
 */
export async function DossierView({ dossier, labels }: { dossier: Dossier; labels: RecommendationLabels }) {
  const t = await getTranslations('Recommendations.dossier');
  const n = labels.number;
  const c = dossier.consultation;
  return (
    <div data-testid="dossier">
      <p>{t('generated', { date: labels.dateTime(dossier.generatedAt) })}</p>

      {dossier.dataUse ? (
        <section aria-labelledby="dossier-usage">
          <h3 id="dossier-usage">{t('dataUse')}</h3>
          <p>
            <Link href={`/registre/${dossier.dataUse.reference}`}>
              <span lang="fr">{dossier.dataUse.title}</span>
            </Link>{' '}
            ({dossier.dataUse.reference})
          </p>
          {dossier.review ? <p>{t(`review.${dossier.review.kind}`, { date: labels.date(dossier.review.dueDate) })}</p> : null}
        </section>
      ) : null}

      {dossier.proposal ? (
        <section aria-labelledby="dossier-proposition">
          <h3 id="dossier-proposition">{t('proposal')}</h3>
          <p>
            <Link href={`/propositions/${dossier.proposal.reference}`}>
              <span lang="fr">{dossier.proposal.title}</span>
            </Link>{' '}
            — {t('supports', { supports: n(dossier.proposal.supports), threshold: dossier.proposal.threshold === null ? '—' : n(dossier.proposal.threshold) })}
          </p>
          <div className={styles.text} lang="fr">
            {dossier.proposal.body}
          </div>
          {dossier.proposal.why ? (
            <p>
              <strong>{t('why')}</strong> <span lang="fr">{dossier.proposal.why}</span>
            </p>
          ) : null}
          {dossier.proposal.expectedEffect ? (
            <p>
              <strong>{t('expectedEffect')}</strong> <span lang="fr">{dossier.proposal.expectedEffect}</span>
            </p>
          ) : null}
        </section>
      ) : null}

      {c ? (
        <>
          <section aria-labelledby="dossier-resultats">
            <h3 id="dossier-resultats">{t('results')}</h3>
            <p>
              <Link href={`/consultations/${c.reference}/resultats`}>
                <span lang="fr">{c.title}</span>
              </Link>{' '}
              ({c.reference}){c.closedOn ? ` — ${t('closedOn', { date: labels.date(c.closedOn) })}` : null}
            </p>
            <p lang="fr">{c.question}</p>
            <ol>
              {c.tally.options.map((option) => (
                <li key={option.id}>
                  <span lang="fr">{option.label}</span>
                  {option.votes !== null ? ` — ${t('votes', { count: option.votes })}` : null}
                  {option.id === c.tally.winner ? <strong> ({t('winner')})</strong> : null}
                </li>
              ))}
            </ol>
            {c.tally.explanation.length > 0 ? (
              <ul lang="fr">
                {c.tally.explanation.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            ) : null}
            <p>
              {t('ballots', { online: n(c.tally.ballots.online), paper: n(c.tally.ballots.paper), blank: n(c.tally.ballots.blankOrInvalid) })}{' '}
              {c.tally.quorum.reached ? t('quorumReached', { percent: c.tally.quorum.percent }) : t('quorumMissed', { percent: c.tally.quorum.percent })}
            </p>
          </section>

          <section aria-labelledby="dossier-participation">
            <h3 id="dossier-participation">{t('participation')}</h3>
            <dl className={styles.facts}>
              <dt>{t('turnout')}</dt>
              <dd>{t('turnoutValue', { participants: n(c.turnout.participants), eligible: n(c.turnout.eligible), percent: c.turnout.percent })}</dd>
              <dt>{t('online')}</dt>
              <dd>{n(c.turnout.online)}</dd>
              <dt>{t('atStations')}</dt>
              <dd>{n(c.turnout.atStations)}</dd>
              <dt>{t('contributions')}</dt>
              <dd>{t('contributionsValue', { contributions: n(c.participation.contributions), contributors: n(c.participation.contributors) })}</dd>
              <dt>{t('workshops')}</dt>
              <dd>{n(c.participation.workshopContributions)}</dd>
              <dt>{t('hearingsAndQuestions')}</dt>
              <dd>{t('hearingsAndQuestionsValue', { hearings: n(c.participation.hearings), questions: n(c.participation.questions) })}</dd>
            </dl>
            {c.participation.pollingStations.length > 0 ? (
              <>
                <h4>{t('stations')}</h4>
                <ul>
                  {c.participation.pollingStations.map((station) => (
                    <li key={station.name}>
                      <span lang="fr">{station.name}</span> — {t('votes', { count: station.ballots })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {c.turnout.byNeighbourhood.length > 0 ? (
              <>
                <h4>{t('byNeighbourhood')}</h4>
                <ul>
                  {c.turnout.byNeighbourhood.map((row) => (
                    <li key={row.name}>
                      <span lang="fr">{row.name}</span> —{' '}
                      {row.participants === null
                        ? t('turnoutHidden', { threshold: SMALL_COUNT_THRESHOLD })
                        : t('turnoutValue', { participants: n(row.participants), eligible: n(row.eligible), percent: row.eligible > 0 ? ((100 * row.participants) / row.eligible).toFixed(1) : '0' })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="dossier-carte">
            <h3 id="dossier-carte">{t('opinionMap')}</h3>
            {c.opinionMap ? (
              <>
                <p>{t('mapVoters', { voters: n(c.opinionMap.voters) })}</p>
                {c.opinionMap.groups.map((group) => (
                  <div key={group.group}>
                    <h4>{t('group', { group: group.group, size: n(group.size) })}</h4>
                    <ul>
                      {group.characteristic.map((statement) => (
                        <li key={statement.number}>
                          {t(statement.direction === 'agree' ? 'groupAgrees' : 'groupDisagrees', { percent: statement.percent })} <q lang="fr">{statement.text}</q>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
                <h4>{t('bridging')}</h4>
                {c.opinionMap.bridging.length > 0 ? (
                  <ul>
                    {c.opinionMap.bridging.map((statement) => (
                      <li key={statement.number}>
                        <q lang="fr">{statement.text}</q> — {t('bridgingScore', { score: statement.score.toFixed(2) })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t('noBridging')}</p>
                )}
              </>
            ) : (
              <p>{t('noMap')}</p>
            )}
          </section>

          <section aria-labelledby="dossier-arguments">
            <h3 id="dossier-arguments">{t('arguments')}</h3>
            {(['for', 'against'] as const).map((side) => (
              <div key={side}>
                <h4>{t(`side.${side}`)}</h4>
                {c.arguments[side].length === 0 ? (
                  <p>{t('noArguments')}</p>
                ) : (
                  <ul>
                    {c.arguments[side].map((argument, index) => (
                      <li key={index}>
                        <q lang="fr">{argument.excerpt}</q> — <span lang="fr">{argument.author}</span> ({t('argumentWeight', { replies: argument.replies, reactions: argument.reactions })})
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </section>
        </>
      ) : null}
    </div>
  );
}
