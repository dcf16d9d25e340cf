/**
 * How each opinion group is drawn: a colour AND a shape, so that groups are
 * told apart without seeing colours (WCAG 1.4.1). Colours from the
 * Okabe–Ito palette (distinct for the common colour blindnesses), each with a
 * contrast of at least 3:1 on white.
 */
export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export interface GroupStyle {
  colour: string;
  shape: Shape;
}

const STYLES: readonly GroupStyle[] = [
  { colour: '#0072B2', shape: 'circle' },
  { colour: '#B35000', shape: 'square' },
  { colour: '#007A5A', shape: 'triangle' },
  { colour: '#A3487F', shape: 'diamond' },
  { colour: '#6B5B00', shape: 'cross' },
];

/** Participants not in any group. */
export const UNGROUPED: GroupStyle = { colour: '#6B6B6B', shape: 'circle' };

/** The style of a group by its letter (A, B, C…), the same on every page and in the legend. */
export function groupStyle(letter: string | null): GroupStyle {
  if (letter === null) return UNGROUPED;
  const index = letter.charCodeAt(0) - 'A'.charCodeAt(0);
  return index >= 0 ? STYLES[index % STYLES.length]! : UNGROUPED;
}

/** An SVG path of the shape centred on (x, y), `size` its half-width. */
export function shapePath(shape: Shape, x: number, y: number, size: number): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  switch (shape) {
    case 'circle':
      return `M${r(x - size)},${r(y)}a${size},${size} 0 1,0 ${r(2 * size)},0a${size},${size} 0 1,0 ${r(-2 * size)},0Z`;
    case 'square':
      return `M${r(x - size)},${r(y - size)}h${r(2 * size)}v${r(2 * size)}h${r(-2 * size)}Z`;
    case 'triangle':
      return `M${r(x)},${r(y - size * 1.15)}L${r(x + size * 1.15)},${r(y + size * 0.85)}L${r(x - size * 1.15)},${r(y + size * 0.85)}Z`;
    case 'diamond':
      return `M${r(x)},${r(y - size * 1.3)}L${r(x + size * 1.3)},${r(y)}L${r(x)},${r(y + size * 1.3)}L${r(x - size * 1.3)},${r(y)}Z`;
    case 'cross': {
      const t = size / 2.5;
      return `M${r(x - t)},${r(y - size)}h${r(2 * t)}v${r(size - t)}h${r(size - t)}v${r(2 * t)}h${r(t - size)}v${r(size - t)}h${r(-2 * t)}v${r(t - size)}h${r(t - size)}v${r(-2 * t)}h${r(size - t)}Z`;
    }
  }
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Scales the participants' positions (any range; PCA projections) into a
 * drawing of `width` × `height` with a margin, keeping the proportions of the
 * two axes so that distances mean the same across and down.
 */
export function fitPoints(points: readonly Point[], width: number, height: number, margin: number): (point: Point) => Point {
  if (points.length === 0) return () => ({ x: width / 2, y: height / 2 });
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  // SVG's y grows downwards: the map's y grows upwards.
  return (point) => ({ x: offsetX + (point.x - minX) * scale, y: height - (offsetY + (point.y - minY) * scale) });
}
