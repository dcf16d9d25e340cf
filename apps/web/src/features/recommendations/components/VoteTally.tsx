import { SECRET_SEAT_TYPE_MIN, type PanelVoteDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { TableScroll } from '@/components/ui/TableScroll';

import { SEAT_TYPES, type RecommendationLabels } from '../labels';

type Tally = PanelVoteDto['tally'];
type Withheld = PanelVoteDto['withheld'];

/**
 * A vote's result: the counts, the counts per seat type (once closed: before,
 * who voted how would show through; and for a secret vote, only when no seat
 * type that took part is too small to keep its choices secret), and the quorum and the threshold said
 * in plain words. `subject` (e.g. the recommendation's reference) tells
 * apart the tables of several votes on one page.
 */
export async function VoteTally({ tally, withheld, closed, labels, id, subject }: { tally: Tally; withheld: Withheld; closed: boolean; labels: RecommendationLabels; id: string; subject?: string }) {
  const t = await getTranslations('Recommendations.vote');
  const n = labels.number;
  return (
    <div data-testid="vote-tally">
      <p>
        {/* A secret vote's counts are sealed while it is open (the API sends zeros): say so rather than show them. */}
        {withheld.counts ? t('countsSealed') : t('counts', { for: n(tally.counts.for), against: n(tally.counts.against), abstain: n(tally.counts.abstain) })}
        {closed ? <strong> {t('outcome', { outcome: labels.outcome(tally.outcome) })}</strong> : null}
      </p>
      <p>
        {t('quorum', { required: n(tally.quorum.required), seats: n(tally.quorum.votingSeats), percent: tally.quorum.percent, present: n(tally.quorum.present) })}{' '}
        <strong>{tally.quorum.reached ? t('quorumReached') : t('quorumMissed')}</strong>
      </p>
      <p>
        {t('threshold', { numerator: tally.threshold.numerator, denominator: tally.threshold.denominator, required: n(tally.threshold.required), cast: n(tally.cast) })}{' '}
        <strong>{tally.threshold.reached ? t('thresholdReached') : t('thresholdMissed')}</strong>
      </p>
      {closed && withheld.bySeatType ? (
        <p>{t('bySeatTypeWithheld', { min: SECRET_SEAT_TYPE_MIN })}</p>
      ) : closed ? (
        <TableScroll captionId={`${id}-caption`}>
          <table className="data-table">
            <caption id={`${id}-caption`}>
              {t('bySeatType')}
              {subject ? ` — ${subject}` : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('seatType')}</th>
                <th scope="col">{labels.choice('for')}</th>
                <th scope="col">{labels.choice('against')}</th>
                <th scope="col">{labels.choice('abstain')}</th>
              </tr>
            </thead>
            <tbody>
              {SEAT_TYPES.map((type) => (
                <tr key={type}>
                  <th scope="row">{labels.seatTypePlural(type)}</th>
                  <td>{n(tally.bySeatType[type].for)}</td>
                  <td>{n(tally.bySeatType[type].against)}</td>
                  <td>{n(tally.bySeatType[type].abstain)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t('bySeatTypeLater')}</p>
      )}
    </div>
  );
}
