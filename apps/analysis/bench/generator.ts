import { allCriteria, type Catalogue } from '@genq/domain';

/**
 * Synthetic quarters with realistic distributions, deterministic for a seed: residents
 * log-normal around 3,000 with an age pyramid that varies per quarter, roughly one flat per
 * 1.9 residents, small barrier-free and price-bound shares, distances log-normal, and
 * self-assessments driven by one latent "maturity" per quarter plus per-field offsets.
 */
export interface SyntheticQuarter {
  quarterId: string;
  values: Array<{ indicatorId: string; referenceDate: string; value: number }>;
  ratings: Array<{ criterionId: string; actionFieldId: string; rating: number }>;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generator(catalogue: Catalogue, seed = 42) {
  const rnd = prng(seed);
  const normal = () => {
    const u = Math.max(rnd(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
  const beta = (mean: number, spread: number) => Math.min(0.98, Math.max(0, mean + spread * normal()));
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const hex = (n: number) => Math.floor(rnd() * 16 ** n).toString(16).padStart(n, '0');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rnd() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
  const criteria = allCriteria(catalogue);
  const known = new Set(catalogue.indicators.map((i) => i.id));

  function indicatorsAt(base: Record<string, number>, drift: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(base)) out[k] = Number.isInteger(v) ? Math.max(0, Math.round(v * (1 + drift * normal()))) : Math.round(v * (1 + drift * normal()) * 10) / 10;
    return out;
  }

  return function next(): SyntheticQuarter {
    const residents = Math.round(logNormal(3000, 0.6));
    // Age pyramid: older quarters (post-war estates) have many 65+, newer ones more families.
    const ageing = beta(0.5, 0.2);
    const shares = [0.05 - 0.02 * ageing, 0.13 - 0.05 * ageing, 0.15 - 0.04 * ageing, 0.24 - 0.06 * ageing, 0.2, 0.15 + 0.1 * ageing, 0.08 + 0.07 * ageing].map((s) => s * (1 + 0.15 * normal()));
    const sum = shares.reduce((a, b) => a + b, 0);
    const ages = shares.map((s) => Math.round((residents * Math.max(0.005, s)) / sum));
    const flats = Math.round(residents / logNormal(1.9, 0.1));
    const households = Math.round(flats * (1 - beta(0.04, 0.02)));
    const base: Record<string, number> = {
      residents_total: residents,
      residents_age_0_5: ages[0]!,
      residents_age_6_17: ages[1]!,
      residents_age_18_29: ages[2]!,
      residents_age_30_49: ages[3]!,
      residents_age_50_64: ages[4]!,
      residents_age_65_79: ages[5]!,
      residents_age_80plus: ages[6]!,
      households_total: households,
      households_single_share: pct(beta(0.42, 0.08)),
      households_single_parent_share: pct(beta(0.07, 0.03)),
      share_migration_background: pct(beta(0.28, 0.12)),
      share_transfer_benefits: pct(beta(0.14, 0.07)),
      flats_total: flats,
      flats_company: Math.round(flats * beta(0.55, 0.2)),
      flats_barrier_free: Math.round(flats * beta(0.04, 0.03)),
      flats_low_barrier: Math.round(flats * beta(0.1, 0.05)),
      flats_with_lift: Math.round(flats * beta(0.2, 0.12)),
      flats_price_bound: Math.round(flats * beta(0.18, 0.1)),
      flats_1_room: Math.round(flats * 0.08),
      flats_2_rooms: Math.round(flats * 0.32),
      flats_3_rooms: Math.round(flats * 0.4),
      flats_4plus_rooms: Math.round(flats * 0.2),
      rent_net_cold_per_sqm: Math.round(logNormal(6.8, 0.18) * 100) / 100,
      vacancy_rate: pct(beta(0.03, 0.025)),
      turnover_rate: pct(beta(0.08, 0.03)),
      internal_moves_per_year: Math.round(flats * beta(0.01, 0.005)),
      energy_modernised_share: pct(beta(0.45, 0.2)),
      dist_grocery_m: Math.round(logNormal(450, 0.5)),
      dist_gp_m: Math.round(logNormal(600, 0.5)),
      dist_pharmacy_m: Math.round(logNormal(550, 0.5)),
      care_services: Math.round(logNormal(2, 0.6)),
      dist_kita_m: Math.round(logNormal(400, 0.5)),
      dist_primary_school_m: Math.round(logNormal(700, 0.5)),
      dist_transit_stop_m: Math.round(logNormal(250, 0.5)),
      dist_playground_m: Math.round(logNormal(200, 0.5)),
      dist_green_space_m: Math.round(logNormal(350, 0.5)),
      dist_meeting_place_m: Math.round(logNormal(500, 0.6)),
      steering_meetings_per_year: Math.round(logNormal(4, 0.4)),
      network_partners: Math.round(logNormal(8, 0.5)),
      participation_events: Math.round(logNormal(5, 0.5)),
      participants_total: Math.round(logNormal(120, 0.6)),
    };
    for (const k of Object.keys(base)) if (!known.has(k)) delete base[k];
    const values: SyntheticQuarter['values'] = [];
    for (const [date, drift] of [['2024-12-31', 0.03], ['2025-12-31', 0.03]] as const) {
      for (const [indicatorId, value] of Object.entries(indicatorsAt(base, drift))) {
        // Shares stay shares after the drift.
        values.push({ indicatorId, referenceDate: date, value: indicatorId.endsWith('share') || indicatorId.endsWith('rate') ? Math.min(100, value) : value });
      }
    }
    const maturity = 1.4 + 0.6 * normal();
    const fieldOffset = new Map(catalogue.actionFields.map((f) => [f.id, 0.4 * normal()]));
    const scale = catalogue.ratingScale.map((l) => l.value);
    const lo = Math.min(...scale);
    const hi = Math.max(...scale);
    const ratings = criteria.map((c) => ({
      criterionId: c.id,
      actionFieldId: c.actionFieldId,
      rating: Math.min(hi, Math.max(lo, Math.round(maturity + fieldOffset.get(c.actionFieldId)! + 0.7 * normal()))),
    }));
    return { quarterId: uuid(), values, ratings };
  };
}
