import type { SeatType } from '../advisory-panel/advisory-panel.values';
import { VOTING_SEAT_TYPES } from './recommendations.policy';
import type { VoteChoice, VoteOutcome } from './recommendations.values';

/** What a panel vote needs of the rules in force when it opened (frozen with the vote). */
export type VoteRules = {
  /** Voting seats (drawn citizens + associations + experts with a vote), per the rules. */
  votingSeats: number;
  quorumPercent: number;
  threshold: { numerator: number; denominator: number };
};

export type Counts = { for: number; against: number; abstain: number };
export type Quorum = { percent: number; votingSeats: number; required: number; present: number; reached: boolean };
export type VoteTally = {
  counts: Counts;
  bySeatType: Record<SeatType, Counts>;
  cast: number;
  quorum: Quorum;
  threshold: { numerator: number; denominator: number; required: number; reached: boolean };
  outcome: VoteOutcome;
};

const zero = (): Counts => ({ for: 0, against: 0, abstain: 0 });

/** Voting seats of the rules: every seat but the consultative experts'. */
export function votingSeatsOf(seats: { drawnCitizens: number; associations: number; expertsVoting: number }): number {
  return seats.drawnCitizens + seats.associations + seats.expertsVoting;
}

/** Members needed for quorum: `percent` of the voting seats, rounded up (at least one). */
export function quorumRequired(votingSeats: number, percent: number): number {
  return Math.max(1, Math.ceil((votingSeats * percent) / 100));
}

/** Quorum among `present` voting members (a session's attendance, or a vote's participants). */
export function quorumOf(present: number, rules: Pick<VoteRules, 'votingSeats' | 'quorumPercent'>): Quorum {
  const required = quorumRequired(rules.votingSeats, rules.quorumPercent);
  return { percent: rules.quorumPercent, votingSeats: rules.votingSeats, required, present, reached: present >= required };
}

/**
 * The result of a panel vote. Everyone who voted — abstentions included —
 * counts toward quorum; the threshold is a fraction of the votes cast (for +
 * against): adopted when `for / cast ≥ numerator / denominator` (integers: no
 * rounding), with at least one vote for. Consultative experts never vote, so
 * a ballot of theirs (which the API refuses anyway) would not count.
 */
export function tallyVote(ballots: readonly { seatType: SeatType; choice: VoteChoice }[], rules: VoteRules): VoteTally {
  const counts = zero();
  const bySeatType: Record<SeatType, Counts> = { drawn_citizen: zero(), association: zero(), expert_voting: zero(), expert_consultative: zero() };
  let present = 0;
  for (const { seatType, choice } of ballots) {
    bySeatType[seatType][choice] += 1;
    if (!VOTING_SEAT_TYPES.includes(seatType)) continue;
    counts[choice] += 1;
    present += 1;
  }
  const cast = counts.for + counts.against;
  const quorum = quorumOf(present, rules);
  const { numerator, denominator } = rules.threshold;
  const required = Math.max(1, Math.ceil((cast * numerator) / denominator));
  const reached = cast > 0 && counts.for * denominator >= numerator * cast;
  const outcome: VoteOutcome = !quorum.reached ? 'no_quorum' : reached ? 'adopted' : 'rejected';
  return { counts, bySeatType, cast, quorum, threshold: { numerator, denominator, required, reached }, outcome };
}

/** « 12 pour, 3 contre, 1 abstention » — the counts in words, for 422 details and the PDF. */
export function countsInFrench(counts: Counts): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  return `${counts.for} pour, ${counts.against} contre, ${plural(counts.abstain, 'abstention', 'abstentions')}`;
}

/**
 * A seat type with fewer voters than this in a secret vote would show how
 * they voted through its counts (one voter: their choice; two voting alike:
 * both): the counts per seat type of such a vote are not published at all —
 * withholding only the small seat type's would leave it as the total minus
 * the others.
 */
export const SECRET_SEAT_TYPE_MIN = 3;

/** What of a tally is published, and what is withheld (`withheld`), by the secrecy of the vote. */
export type PublishedTally = { tally: VoteTally; withheld: { counts: boolean; bySeatType: boolean } };

/**
 * The tally as it may be published (docs/decisions/0020-recommendations.md,
 * « secret votes »). A recorded vote is published whole. A secret vote's
 * counts stay sealed while it is open — with who has voted visible, counts
 * read after each ballot would pair each voter with a choice —: zeros, the
 * threshold not reached, and an outcome that is not the result (only the
 * quorum, which the list of voters shows anyway, is real). Closed without
 * quorum, they stay sealed (the outcome, no quorum, is then the real one):
 * closing right after the first ballot would show that voter's choice.
 * Closed with quorum, its counts are published, and its counts per seat type
 * unless a seat type that took part has fewer than `SECRET_SEAT_TYPE_MIN`
 * voters.
 */
export function publishedTally(tally: VoteTally, mode: 'recorded' | 'secret', state: 'open' | 'closed'): PublishedTally {
  if (mode !== 'secret') return { tally, withheld: { counts: false, bySeatType: false } };
  const noSeatTypes: Record<SeatType, Counts> = { drawn_citizen: zero(), association: zero(), expert_voting: zero(), expert_consultative: zero() };
  // Open — or closed without quorum, the counts deciding nothing: a rapporteur closing after the first ballot would otherwise read it.
  if (state === 'open' || !tally.quorum.reached) {
    const { numerator, denominator } = tally.threshold;
    return {
      tally: { counts: zero(), bySeatType: noSeatTypes, cast: 0, quorum: tally.quorum, threshold: { numerator, denominator, required: 1, reached: false }, outcome: tally.quorum.reached ? 'rejected' : 'no_quorum' },
      withheld: { counts: true, bySeatType: true },
    };
  }
  const small = Object.values(tally.bySeatType).some((c) => {
    const voters = c.for + c.against + c.abstain;
    return voters > 0 && voters < SECRET_SEAT_TYPE_MIN;
  });
  return small ? { tally: { ...tally, bySeatType: noSeatTypes }, withheld: { counts: false, bySeatType: true } } : { tally, withheld: { counts: false, bySeatType: false } };
}
