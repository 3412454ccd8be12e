/** Geometry of the small SVG radar chart: pure, so it is tested without a browser. */

export interface RadarAxis {
  id: string;
  label: string;
  /** The quarter's mean rating; null while nothing is rated. */
  value: number | null;
  /** The programme median of the same action field; null without comparison. */
  median: number | null;
}

export interface Point {
  x: number;
  y: number;
}

/** The point of value `v` on axis `i` of `n`, the first axis pointing up, clockwise. */
export function radarPoint(i: number, n: number, v: number, max: number, radius: number, centre: Point): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = max > 0 ? (Math.max(0, Math.min(v, max)) / max) * radius : 0;
  return { x: round(centre.x + r * Math.cos(angle)), y: round(centre.y + r * Math.sin(angle)) };
}

/** The SVG `points` of a polygon through the axes' values; null when a value is missing. */
export function radarPolygon(values: ReadonlyArray<number | null>, max: number, radius: number, centre: Point): string | null {
  if (values.length < 3 || values.some((v) => v === null)) return null;
  return values.map((v, i) => radarPoint(i, values.length, v as number, max, radius, centre)).map((p) => `${p.x},${p.y}`).join(' ');
}

/** What of a quarter's shape can be drawn: a point on every rated axis, and the outline through them. */
export interface RadarShape {
  points: Array<Point & { axis: number }>;
  /** SVG `points` through the rated axes in order (a line for two, a polygon for three or more); null for fewer than two. */
  outline: string | null;
}

/**
 * The shape of the axes that have a value, so a quarter rated in only some action fields still
 * shows what it has (issue 17): unrated axes are skipped, not drawn as zero.
 */
export function radarShape(values: ReadonlyArray<number | null>, max: number, radius: number, centre: Point): RadarShape {
  const points = values.flatMap((v, i) => (v === null ? [] : [{ ...radarPoint(i, values.length, v, max, radius, centre), axis: i }]));
  return { points, outline: points.length >= 2 ? points.map((p) => `${p.x},${p.y}`).join(' ') : null };
}

const round = (n: number) => Math.round(n * 100) / 100;
