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
