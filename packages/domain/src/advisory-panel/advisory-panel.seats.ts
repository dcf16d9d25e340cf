import { sha256Hex } from '../audit/hash-chain';
import type { DrawKind } from './advisory-panel.values';

/**
 * The citizens' seats a draw may fill (issue 17; docs/decisions/0018-fair-sortition.md).
 * An initial draw fills free seats; a replacement draw fills seats vacated by
 * drawn citizens who left (resigned, declined, replaced, term ended) and that
 * nobody took since. Pure: the API counts the rows, these rules decide.
 */

/** The drawn citizens' seats as a draw sees them. */
export type CitizenSeats = {
  /** Seats of the rules in force. */
  seats: number;
  /** Drawn-citizen titulars holding or offered a seat (active, invited). */
  held: number;
  /** Seats promised to draws still on their way (committed, computing, ready) other than the one checked. */
  reserved: number;
  /** seats − held − reserved, never below 0. */
  free: number;
  /** Of the free seats, those a member left and nobody took since: what a replacement draw may fill. */
  vacated: number;
};

export function citizenSeats(input: { seats: number; held: number; reserved: number; vacatedSeats: number }): CitizenSeats {
  const free = Math.max(0, input.seats - input.held - input.reserved);
  return { seats: input.seats, held: input.held, reserved: input.reserved, free, vacated: Math.min(free, Math.max(0, input.vacatedSeats)) };
}

export const DRAW_SIZE_CODES = ['more_than_free_seats', 'more_than_vacated_seats'] as const;
export type DrawSizeCode = (typeof DRAW_SIZE_CODES)[number];

const seatsFr = (n: number) => `${n} siège${n > 1 ? 's' : ''}`;

/**
 * Why a draw of `panelSize` people cannot fill the seats (null when it can):
 * an initial draw needs that many free seats, a replacement draw that many
 * vacated seats. Checked at the commitment and again at the draw.
 */
export function drawSizeProblem(kind: DrawKind, panelSize: number, seats: CitizenSeats): { code: DrawSizeCode; detail: string; message: string } | null {
  const reserved = seats.reserved > 0 ? `, ${seats.reserved} réservé${seats.reserved > 1 ? 's' : ''} par un tirage en cours` : '';
  const state = `${seats.seats} sièges tirés au sort dans les règles en vigueur : ${seats.held} occupé${seats.held > 1 ? 's' : ''} ou proposé${seats.held > 1 ? 's' : ''}${reserved}, ${seats.free} libre${seats.free > 1 ? 's' : ''}`;
  if (kind === 'initial') {
    if (panelSize <= seats.free) return null;
    return {
      code: 'more_than_free_seats',
      detail: `Ce tirage désignerait ${panelSize} personnes pour ${seatsFr(seats.free)} libre${seats.free > 1 ? 's' : ''} (${state}). Réduisez la taille du panel du vivier, ou publiez des règles avec plus de sièges.`,
      message: `Au plus ${seatsFr(seats.free)} libre${seats.free > 1 ? 's' : ''} : ce tirage en demande ${panelSize}.`,
    };
  }
  if (panelSize >= 1 && panelSize <= seats.vacated) return null;
  return {
    code: 'more_than_vacated_seats',
    detail:
      seats.vacated === 0
        ? `Aucun siège tiré au sort n’est libéré : un tirage de remplacement ne pourvoit que les sièges qu’un membre a quittés (${state}).`
        : `Un tirage de remplacement pourvoit les sièges libérés : ${seatsFr(seats.vacated)} libéré${seats.vacated > 1 ? 's' : ''}, ce tirage en demande ${panelSize} (${state}).`,
    message: `Au plus ${seatsFr(seats.vacated)} libéré${seats.vacated > 1 ? 's' : ''} : ce tirage en demande ${panelSize}.`,
  };
}

/** A seat a member left: who held it, until when its term ran, its third under rotation. */
export type VacatedSeat = { memberId: string; termEnd: Date; third: number | null };

/**
 * Which vacated seat each person of a replacement draw takes: `seats` in the
 * order the API gives them (the most recently vacated first), the drawn in the
 * order of SHA-256(combined seed + ":" + id), as for the thirds: published, so
 * anyone can check it, and nobody chose it. Returns one seat per drawn id
 * (null when there are more drawn than seats, which the size check prevents).
 */
export function pairVacatedSeats(input: { drawn: readonly string[]; combinedSeed: string; seats: readonly VacatedSeat[] }): Map<string, VacatedSeat | null> {
  const order = [...input.drawn].sort((a, b) => {
    const ha = sha256Hex(`${input.combinedSeed}:${a}`);
    const hb = sha256Hex(`${input.combinedSeed}:${b}`);
    return ha < hb ? -1 : ha > hb ? 1 : a < b ? -1 : 1;
  });
  return new Map(order.map((id, i) => [id, input.seats[i] ?? null]));
}
