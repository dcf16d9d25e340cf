import type { SeatType } from '../advisory-panel/advisory-panel.values';
import { countsInFrench, publishedTally, quorumOf, quorumRequired, SECRET_SEAT_TYPE_MIN, tallyVote, votingSeatsOf, type VoteRules } from './recommendations.tally';
import type { VoteChoice } from './recommendations.values';

const rules: VoteRules = { votingSeats: 10, quorumPercent: 50, threshold: { numerator: 2, denominator: 3 } };
const ballots = (spec: [SeatType, VoteChoice, number][]) => spec.flatMap(([seatType, choice, n]) => Array.from({ length: n }, () => ({ seatType, choice })));

describe('panel vote tally', () => {
  it('counts voting seats without the consultative experts', () => {
    expect(votingSeatsOf({ drawnCitizens: 7, associations: 2, expertsVoting: 1 })).toBe(10);
  });

  it('rounds the quorum up, never below one', () => {
    expect(quorumRequired(10, 50)).toBe(5);
    expect(quorumRequired(11, 50)).toBe(6);
    expect(quorumRequired(3, 1)).toBe(1);
    expect(quorumOf(4, rules)).toEqual({ percent: 50, votingSeats: 10, required: 5, present: 4, reached: false });
  });

  it('adopts at exactly the threshold, counts abstentions for quorum only, and counts per seat type', () => {
    const t = tallyVote(ballots([['drawn_citizen', 'for', 3], ['association', 'for', 1], ['drawn_citizen', 'against', 2], ['expert_voting', 'abstain', 1]]), rules);
    expect(t.counts).toEqual({ for: 4, against: 2, abstain: 1 });
    expect(t.cast).toBe(6);
    expect(t.quorum.present).toBe(7);
    expect(t.threshold).toEqual({ numerator: 2, denominator: 3, required: 4, reached: true });
    expect(t.outcome).toBe('adopted');
    expect(t.bySeatType.drawn_citizen).toEqual({ for: 3, against: 2, abstain: 0 });
    expect(t.bySeatType.association).toEqual({ for: 1, against: 0, abstain: 0 });
  });

  it('rejects just below the threshold', () => {
    const t = tallyVote(ballots([['drawn_citizen', 'for', 3], ['drawn_citizen', 'against', 2]]), rules);
    expect(t.threshold.reached).toBe(false);
    expect(t.outcome).toBe('rejected');
  });

  it('decides nothing without quorum, whatever the majority', () => {
    const t = tallyVote(ballots([['drawn_citizen', 'for', 4]]), rules);
    expect(t.outcome).toBe('no_quorum');
  });

  it('never adopts when everyone abstains', () => {
    const t = tallyVote(ballots([['drawn_citizen', 'abstain', 6]]), rules);
    expect(t.quorum.reached).toBe(true);
    expect(t.outcome).toBe('rejected');
  });

  it('ignores consultative experts in the counts and the quorum', () => {
    const t = tallyVote(ballots([['expert_consultative', 'for', 9], ['drawn_citizen', 'for', 1]]), rules);
    expect(t.counts.for).toBe(1);
    expect(t.quorum.present).toBe(1);
  });

  it('says the counts in French', () => {
    expect(countsInFrench({ for: 12, against: 3, abstain: 1 })).toBe('12 pour, 3 contre, 1 abstention');
    expect(countsInFrench({ for: 1, against: 0, abstain: 2 })).toBe('1 pour, 0 contre, 2 abstentions');
  });

  describe('what a vote publishes of its tally', () => {
    const big = tallyVote(ballots([['drawn_citizen', 'for', 4], ['drawn_citizen', 'against', 1], ['association', 'for', 3]]), rules);
    const lone = tallyVote(ballots([['drawn_citizen', 'for', 4], ['drawn_citizen', 'against', 1], ['expert_voting', 'against', 1]]), rules);
    const none = { for: 0, against: 0, abstain: 0 };

    it('publishes a recorded vote whole, open or closed', () => {
      expect(publishedTally(lone, 'recorded', 'open')).toEqual({ tally: lone, withheld: { counts: false, bySeatType: false } });
      expect(publishedTally(lone, 'recorded', 'closed')).toEqual({ tally: lone, withheld: { counts: false, bySeatType: false } });
    });

    it('seals a secret vote’s counts while it is open; only the quorum is real', () => {
      const { tally, withheld } = publishedTally(big, 'secret', 'open');
      expect(withheld).toEqual({ counts: true, bySeatType: true });
      expect(tally.counts).toEqual(none);
      expect(Object.values(tally.bySeatType)).toEqual([none, none, none, none]);
      expect(tally.cast).toBe(0);
      expect(tally.threshold.reached).toBe(false);
      expect(tally.quorum).toEqual(big.quorum);
    });

    it('keeps a secret vote closed without quorum sealed (its outcome is real: no quorum)', () => {
      const one = tallyVote(ballots([['drawn_citizen', 'against', 1]]), rules);
      const { tally, withheld } = publishedTally(one, 'secret', 'closed');
      expect(withheld).toEqual({ counts: true, bySeatType: true });
      expect(tally.counts).toEqual(none);
      expect(tally.outcome).toBe('no_quorum');
    });

    it('publishes a closed secret vote’s counts, and per seat type unless a seat type had fewer voters than the minimum', () => {
      expect(SECRET_SEAT_TYPE_MIN).toBe(3);
      expect(publishedTally(big, 'secret', 'closed')).toEqual({ tally: big, withheld: { counts: false, bySeatType: false } });
      const { tally, withheld } = publishedTally(lone, 'secret', 'closed');
      expect(withheld).toEqual({ counts: false, bySeatType: true });
      expect(tally.counts).toEqual(lone.counts);
      expect(tally.outcome).toBe(lone.outcome);
      expect(tally.bySeatType.expert_voting).toEqual(none);
      expect(tally.bySeatType.drawn_citizen).toEqual(none);
    });
  });
});
