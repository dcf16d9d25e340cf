import { daysUntil, editMayMoveStatus, parisToday, statusesReachableByEdit, transitionTarget, type LifecycleStatus } from './data-use.lifecycle';
import { LIFECYCLE_STATUSES } from './data-use.schema';

describe('data-use lifecycle', () => {
  // Every pair (from, to): may an edit make this move?
  const byEdit: Record<LifecycleStatus, LifecycleStatus[]> = {
    planned: ['planned', 'pilot', 'operational'],
    pilot: ['pilot', 'operational'],
    operational: ['operational'],
    suspended: ['suspended', 'pilot', 'operational'],
    retired: ['retired'],
  };
  for (const from of LIFECYCLE_STATUSES) {
    for (const to of LIFECYCLE_STATUSES) {
      const allowed = byEdit[from].includes(to);
      it(`${allowed ? 'lets' : 'refuses'} an edit move ${from} → ${to}`, () => {
        expect(editMayMoveStatus(from, to)).toBe(allowed);
      });
    }
  }

  it('never lets an edit suspend or retire', () => {
    for (const from of LIFECYCLE_STATUSES) {
      if (from !== 'suspended') expect(statusesReachableByEdit(from)).not.toContain('suspended');
      if (from !== 'retired') expect(statusesReachableByEdit(from)).not.toContain('retired');
    }
  });

  it.each([
    ['suspend', 'planned', 'suspended'],
    ['suspend', 'pilot', 'suspended'],
    ['suspend', 'operational', 'suspended'],
    ['suspend', 'suspended', null],
    ['suspend', 'retired', null],
    ['retire', 'planned', 'retired'],
    ['retire', 'pilot', 'retired'],
    ['retire', 'operational', 'retired'],
    ['retire', 'suspended', 'retired'],
    ['retire', 'retired', null],
  ] as const)('%s from %s leads to %s', (transition, from, to) => {
    expect(transitionTarget(transition, from)).toBe(to);
  });

  it('counts whole days and reads today in Paris', () => {
    expect(daysUntil('2027-01-31', '2027-01-01')).toBe(30);
    expect(daysUntil('2027-01-01', '2027-01-31')).toBe(-30);
    // 23:30 UTC on 31 March is already 1 April in Paris (summer time).
    expect(parisToday(new Date('2027-03-31T23:30:00Z'))).toBe('2027-04-01');
    expect(parisToday(new Date('2027-01-15T12:00:00Z'))).toBe('2027-01-15');
  });
});
