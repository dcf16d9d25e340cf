import { citizenSeats, drawSizeProblem, pairVacatedSeats } from './advisory-panel.seats';

describe('The citizens’ seats a draw may fill', () => {
  it('counts free seats (rules − held − reserved, never below 0) and, among them, the vacated ones', () => {
    expect(citizenSeats({ seats: 6, held: 3, reserved: 1, vacatedSeats: 5 })).toEqual({ seats: 6, held: 3, reserved: 1, free: 2, vacated: 2 });
    expect(citizenSeats({ seats: 4, held: 6, reserved: 0, vacatedSeats: 2 })).toEqual({ seats: 4, held: 6, reserved: 0, free: 0, vacated: 0 });
    expect(citizenSeats({ seats: 9, held: 4, reserved: 0, vacatedSeats: 1 })).toMatchObject({ free: 5, vacated: 1 });
  });

  it('lets an initial draw fill at most the free seats', () => {
    const seats = citizenSeats({ seats: 6, held: 2, reserved: 1, vacatedSeats: 0 });
    expect(drawSizeProblem('initial', 3, seats)).toBeNull();
    const refused = drawSizeProblem('initial', 4, seats)!;
    expect(refused.code).toBe('more_than_free_seats');
    expect(refused.detail).toContain('4 personnes pour 3 sièges libres');
    expect(refused.detail).toContain('1 réservé par un tirage en cours');
    expect(refused.message).toBe('Au plus 3 sièges libres : ce tirage en demande 4.');
  });

  it('lets a replacement draw fill at most the vacated seats, and at least one', () => {
    const seats = citizenSeats({ seats: 6, held: 4, reserved: 0, vacatedSeats: 1 });
    expect(drawSizeProblem('replacement', 1, seats)).toBeNull();
    // Two seats are free, but only one was left by a member: the other was never filled (an initial draw's).
    expect(drawSizeProblem('replacement', 2, seats)).toMatchObject({ code: 'more_than_vacated_seats', message: 'Au plus 1 siège libéré : ce tirage en demande 2.' });
    const none = drawSizeProblem('replacement', 0, citizenSeats({ seats: 4, held: 4, reserved: 0, vacatedSeats: 0 }))!;
    expect(none.code).toBe('more_than_vacated_seats');
    expect(none.detail).toContain('Aucun siège tiré au sort n’est libéré');
  });

  it('gives each person of a replacement draw one vacated seat, in an order set by the combined seed', () => {
    const seats = ['m1', 'm2', 'm3'].map((memberId, i) => ({ memberId, termEnd: new Date(Date.UTC(2028, i, 1)), third: i + 1 }));
    const drawn = ['V-0004', 'V-0007', 'V-0009'];
    const paired = pairVacatedSeats({ drawn, combinedSeed: 'graine', seats });
    expect([...paired.keys()].sort()).toEqual(drawn);
    expect(new Set([...paired.values()].map((s) => s!.memberId)).size).toBe(3);
    expect(pairVacatedSeats({ drawn, combinedSeed: 'graine', seats })).toEqual(paired);
    const orders = ['a', 'b', 'c', 'd', 'e'].map((seed) => drawn.map((id) => pairVacatedSeats({ drawn, combinedSeed: seed, seats }).get(id)!.memberId).join());
    expect(new Set(orders).size).toBeGreaterThan(1);
    // More people than seats (which the size check prevents): the last ones get none.
    expect([...pairVacatedSeats({ drawn, combinedSeed: 'graine', seats: seats.slice(0, 1) }).values()].filter((s) => s === null)).toHaveLength(2);
  });
});
