import type { Catalogue } from './catalogue';

/**
 * Strengths-and-weaknesses profile (Stärken-Schwächen-Profil): per action field the mean
 * of the criteria ratings, and which criteria count as strength or weakness by the
 * catalogue's thresholds.
 */
export interface ActionFieldProfile {
  actionFieldId: string;
  name: string;
  rated: number;
  total: number;
  mean: number | null;
  strengths: string[];
  weaknesses: string[];
}

export function profileFor(catalogue: Catalogue, ratings: ReadonlyMap<string, number>): ActionFieldProfile[] {
  return catalogue.actionFields.map((af) => {
    const values: number[] = [];
    const strengths: string[] = [];
    const weaknesses: string[] = [];
    for (const c of af.criteria) {
      const r = ratings.get(c.id);
      if (r === undefined) continue;
      values.push(r);
      if (r >= catalogue.strengthThreshold) strengths.push(c.id);
      if (r <= catalogue.weaknessThreshold) weaknesses.push(c.id);
    }
    return {
      actionFieldId: af.id,
      name: af.name,
      rated: values.length,
      total: af.criteria.length,
      mean: values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 3) : null,
      strengths,
      weaknesses,
    };
  });
}

export interface Distribution {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** Quartiles by linear interpolation between closest ranks (the spreadsheet QUARTILE.INC rule). */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, min: null, q1: null, median: null, q3: null, max: null };
  return {
    count: sorted.length,
    min: sorted[0] ?? null,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] ?? null,
  };
}

function quantile(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return round(a + (b - a) * (pos - lo), 4);
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
