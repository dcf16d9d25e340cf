import { countingDone, dueTransitions, nextPhase } from './consultations.lifecycle';

const HOUR = 3_600_000;
const close = new Date('2027-03-10T18:00:00Z');
const schedule = { informationOpensAt: new Date(close.getTime() - 72 * HOUR), deliberationOpensAt: new Date(close.getTime() - 48 * HOUR), voteOpensAt: new Date(close.getTime() - 24 * HOUR), voteClosesAt: close };
const after = (hours: number) => new Date(close.getTime() + hours * HOUR);

describe('the consultation’s clock around the close and the count', () => {
  it('shuts the ballot box at the close and waits for the stations’ counts before the results', () => {
    expect(dueTransitions('vote', schedule, after(0), countingDone(schedule, 1, after(0)))).toEqual(['close_vote']);
    expect(dueTransitions('counting', schedule, after(2), countingDone(schedule, 1, after(2)))).toEqual([]);
    expect(nextPhase('counting')).toBe('results');
  });

  it('publishes the results as soon as every station has entered its count record — at once when no one voted at a station', () => {
    expect(dueTransitions('vote', schedule, after(0), countingDone(schedule, 0, after(0)))).toEqual(['close_vote', 'publish_results']);
    expect(dueTransitions('counting', schedule, after(3), countingDone(schedule, 0, after(3)))).toEqual(['publish_results']);
  });

  it('publishes them at the end of the counting time even if a station is missing', () => {
    expect(countingDone(schedule, 2, after(23.9))).toBe(false);
    expect(countingDone(schedule, 2, after(24))).toBe(true);
    expect(dueTransitions('counting', schedule, after(24), countingDone(schedule, 2, after(24)))).toEqual(['publish_results']);
  });

  it('catches up phase by phase after a late job, the count included', () => {
    expect(dueTransitions('scheduled', schedule, after(30), true)).toEqual(['open_information', 'open_deliberation', 'open_vote', 'close_vote', 'publish_results']);
    expect(dueTransitions('deliberation', schedule, after(-12))).toEqual(['open_vote']);
  });
});
