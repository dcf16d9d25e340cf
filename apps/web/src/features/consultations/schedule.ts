/**
 * Dates of the organizer's form: a `datetime-local` input holds the town's
 * wall-clock time (Europe/Paris); the API wants an ISO instant with its offset.
 */
const TIME_ZONE = 'Europe/Paris';

/** The zone's offset from UTC, in minutes, at `instant`. */
function offsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** "2027-03-01T18:30" (Paris time) → "2027-03-01T18:30:00+01:00"; '' when it is not such a value. */
export function localToIso(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return local.trim();
  const [, y, m, d, h, min] = match.map(Number) as [number, number, number, number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d, h, min));
  const offset = offsetMinutes(new Date(guess.getTime() - offsetMinutes(guess) * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  return `${local.trim()}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An ISO instant → the `datetime-local` value in Paris time. */
export function isoToLocal(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const shifted = new Date(instant.getTime() + offsetMinutes(instant) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
