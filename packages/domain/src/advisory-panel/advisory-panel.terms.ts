import { sha256Hex } from '../audit/hash-chain';
import { pairVacatedSeats, type VacatedSeat } from './advisory-panel.seats';
import { UNDRAWN_CONTACT_RETENTION_DAYS } from './advisory-panel.values';

/**
 * Terms of the panel's members (issue 17: term length, rotation by thirds;
 * a replacement serves the rest of the vacated seat's term) and how long the
 * pool keeps undrawn volunteers' contacts. Pure: the API applies
 * them at the draw and its dated job (`advisory-panel.due`) enforces them.
 */


/** `date` plus `months` calendar months (UTC, the day kept; 31 Jan + 1 month → 3 Mar, as Date does). */
export function addMonthsUtc(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

export function addDaysUtc(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The sizes of the three thirds of `seats` seats, first third smallest: 4 → [1, 1, 2], 7 → [2, 2, 3]. */
export function thirdSizes(seats: number): [number, number, number] {
  const upTo = (k: number) => Math.floor((seats * k) / 3);
  return [upTo(1) - upTo(0), upTo(2) - upTo(1), upTo(3) - upTo(2)];
}

export type TermAssignment = { id: string; third: number | null; termEnd: Date };

/**
 * The terms of the members of an initial draw. Without rotation everyone
 * serves `termMonths`. With rotation by thirds, the drawn panel is split in
 * three: the first third's term ends after a third of the term, the second's
 * after two thirds, the last serves the whole term; from then on each third is
 * renewed by a new draw for a whole term, so a third of the seats changes at a
 * time. Who falls in which third follows the combined seed of the draw (order
 * of SHA-256(combined seed + ":" + id)): published, so anyone can check it, and
 * nobody chose it.
 */
export function assignTerms(input: { drawn: readonly string[]; combinedSeed: string; termStart: Date; termMonths: number; rotationByThirds: boolean }): TermAssignment[] {
  const { drawn, combinedSeed, termStart, termMonths, rotationByThirds } = input;
  if (!rotationByThirds) return drawn.map((id) => ({ id, third: null, termEnd: addMonthsUtc(termStart, termMonths) }));
  const order = [...drawn].sort((a, b) => {
    const ha = sha256Hex(`${combinedSeed}:${a}`);
    const hb = sha256Hex(`${combinedSeed}:${b}`);
    return ha < hb ? -1 : ha > hb ? 1 : a < b ? -1 : 1;
  });
  const sizes = thirdSizes(order.length);
  const thirdOf = new Map<string, number>();
  let i = 0;
  sizes.forEach((size, k) => {
    for (let n = 0; n < size; n++) thirdOf.set(order[i++]!, k + 1);
  });
  return drawn.map((id) => {
    const third = thirdOf.get(id)!;
    return { id, third, termEnd: addMonthsUtc(termStart, Math.round((termMonths * third) / 3)) };
  });
}

/** A replacement draw's term: the vacated seat taken (its member id), and whether it is the rest of that seat's term. */
export type ReplacementTerm = TermAssignment & { seat: string | null; remainder: boolean };

/**
 * The terms of the members of a replacement draw. Each takes one vacated seat
 * (`pairVacatedSeats`: in the order of the combined seed) and serves **the rest
 * of that seat's term**, in its third: rotation by thirds goes on renewing a
 * third at a time. A seat whose term is over by `termStart` (a third that
 * ended, renewed by lot) starts a whole term from `termStart`, still in its
 * third; so does a person without a seat (which the size check prevents).
 */
export function replacementTerms(input: { drawn: readonly string[]; combinedSeed: string; termStart: Date; termMonths: number; seats: readonly VacatedSeat[] }): ReplacementTerm[] {
  const { drawn, combinedSeed, termStart, termMonths, seats } = input;
  const seatOf = pairVacatedSeats({ drawn, combinedSeed, seats });
  return drawn.map((id) => {
    const seat = seatOf.get(id) ?? null;
    if (seat && !termHasEnded(seat.termEnd, termStart)) return { id, third: seat.third, termEnd: seat.termEnd, seat: seat.memberId, remainder: true };
    return { id, third: seat?.third ?? null, termEnd: addMonthsUtc(termStart, termMonths), seat: seat?.memberId ?? null, remainder: false };
  });
}

/** When a pool's undrawn volunteers' contacts are erased, given its first draw. */
export function contactsEraseAt(firstDrawnAt: Date): Date {
  return addDaysUtc(firstDrawnAt, UNDRAWN_CONTACT_RETENTION_DAYS);
}

/** A term has ended on `now` when its last day (termEnd, a date) is before today (UTC). */
export function termHasEnded(termEnd: Date, now: Date): boolean {
  return termEnd.toISOString().slice(0, 10) <= now.toISOString().slice(0, 10);
}
