import { dailyAtUtc, every } from './schedules';

describe('recurring job schedules', () => {
  it('runs again a fixed interval after a run', () => {
    expect(every(3_600_000)(new Date('2027-03-01T10:15:00Z'))).toEqual(new Date('2027-03-01T11:15:00Z'));
  });

  it('runs daily at a set UTC time: later today, or tomorrow once it has passed', () => {
    const at5 = dailyAtUtc(5);
    expect(at5(new Date('2027-03-01T04:59:59Z'))).toEqual(new Date('2027-03-01T05:00:00Z'));
    expect(at5(new Date('2027-03-01T05:00:00Z'))).toEqual(new Date('2027-03-02T05:00:00Z'));
    expect(at5(new Date('2027-12-31T23:00:00Z'))).toEqual(new Date('2028-01-01T05:00:00Z'));
    expect(dailyAtUtc(6, 30)(new Date('2027-02-28T07:00:00Z'))).toEqual(new Date('2027-03-01T06:30:00Z'));
  });
});
