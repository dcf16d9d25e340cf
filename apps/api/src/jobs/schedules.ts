/** When a recurring job runs next, given when its last run finished. */
export type Schedule = (finishedAt: Date) => Date;

/** A fixed interval after each run (`every(HOUR)`). */
export function every(ms: number): Schedule {
  return (finishedAt) => new Date(finishedAt.getTime() + ms);
}

/** The next `hour`:`minute` UTC strictly after each run: once a day at a set time. */
export function dailyAtUtc(hour: number, minute = 0): Schedule {
  return (finishedAt) => {
    const next = new Date(Date.UTC(finishedAt.getUTCFullYear(), finishedAt.getUTCMonth(), finishedAt.getUTCDate(), hour, minute, 0));
    if (next <= finishedAt) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  };
}
