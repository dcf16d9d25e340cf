import { describe, expect, it } from '@jest/globals';

import { fitPoints, groupStyle, shapePath, UNGROUPED } from './group-style';

describe('opinion groups on the map', () => {
  it('gives each of the first five groups its own colour and its own shape', () => {
    const styles = ['A', 'B', 'C', 'D', 'E'].map(groupStyle);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(5);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(5);
    expect(groupStyle(null)).toBe(UNGROUPED);
  });

  it('draws every shape as a closed path', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond', 'cross'] as const) expect(shapePath(shape, 10, 10, 4)).toMatch(/^M.*Z$/);
  });

  it('fits the positions inside the drawing, keeping the proportions, y upwards', () => {
    const fit = fitPoints([{ x: -1, y: -2 }, { x: 1, y: 2 }], 400, 300, 20);
    const low = fit({ x: -1, y: -2 });
    const high = fit({ x: 1, y: 2 });
    expect(low.y).toBeCloseTo(280);
    expect(high.y).toBeCloseTo(20);
    // The y span (4) takes the 260 units of height: the x span (2) takes half of it, centred.
    expect(high.x - low.x).toBeCloseTo(130);
    expect((high.x + low.x) / 2).toBeCloseTo(200);
  });
});
