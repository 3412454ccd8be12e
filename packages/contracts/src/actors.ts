/**
 * Actors of a quarter (issue 4): participation events and the quarter's details (size
 * figures and boundary). Pure data: importable from services, workflows and the console.
 */
import type { FieldProblemInput } from './problems/types';

/** Kinds of participation events (Beteiligungsformate). */
export const PARTICIPATION_EVENT_TYPES = ['workshop', 'survey', 'quarter_walk', 'conference'] as const;
export type ParticipationEventType = (typeof PARTICIPATION_EVENT_TYPES)[number];

/** Age groups participants are counted in (the same bands as the demographic indicators). */
export const AGE_GROUPS = ['0-5', '6-17', '18-64', '65-79', '80+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Participants per age group; a group not counted is 0. */
export type ParticipantsByAgeGroup = Record<AgeGroup, number>;

export interface ParticipationEventDto {
  id: string;
  quarterId: string;
  type: ParticipationEventType;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  participants: ParticipantsByAgeGroup;
  participantsTotal: number;
  outcome: string | null;
  createdAt: string;
}

export interface CreateParticipationEventCommand {
  type: ParticipationEventType;
  date: string;
  participants?: Partial<ParticipantsByAgeGroup>;
  outcome?: string;
}

/** A GeoJSON Polygon or MultiPolygon (RFC 7946), coordinates as [longitude, latitude]. */
export type QuarterBoundary =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** The size figures and boundary of a quarter; null while unknown. */
export interface QuarterDetails {
  flats: number | null;
  residents: number | null;
  areaHa: number | null;
  boundary: QuarterBoundary | null;
}

/** PATCH of a quarter's details: a field left out stays, null clears it. */
export type UpdateQuarterDetailsCommand = Partial<QuarterDetails>;

/** What the participation events and memberships of a quarter count into the catalogue's process indicators. */
export interface ParticipationFigures {
  quarterId: string;
  /** Per calendar year with events: number of events and participants over all age groups. */
  years: Array<{ year: number; events: number; participants: number }>;
  /** Organisations taking part as co-partner or cooperation partner now. */
  networkPartners: number;
}

/** Process indicators of the catalogue that the analysis service counts from the actors service's participation figures. */
export const PARTICIPATION_INDICATORS = {
  events: 'participation_events',
  participants: 'participants_total',
  networkPartners: 'network_partners',
} as const;

/** Membership roles that count as network partners (indicator `network_partners`). */
export const NETWORK_PARTNER_ROLES = ['co_partner', 'cooperation_partner'] as const;

/** The source written with computed indicator values. */
export const PARTICIPATION_INDICATOR_SOURCE = 'Beteiligungsnachweis (automatisch)';

/**
 * The kick-off record (Auftakt, step 1): who leads the project on both sides, who facilitates,
 * and when the declaration of participation was signed. Recording it completes the step.
 */
export interface KickoffRecordDto {
  quarterId: string;
  /** Calendar date of the kick-off meeting, YYYY-MM-DD. */
  date: string;
  housingCompanyLead: KickoffPerson;
  municipalityLead: KickoffPerson;
  facilitator: KickoffPerson;
  /** Calendar date the declaration of participation (Teilnahmeerklärung) was signed. */
  declarationSignedOn: string;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface KickoffPerson {
  personId: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

export interface RecordKickoffCommand {
  date: string;
  /** Person ids: the project leads of the housing company and of the municipality, and the facilitator. */
  housingCompanyLeadId: string;
  municipalityLeadId: string;
  facilitatorId: string;
  declarationSignedOn: string;
  notes?: string;
}

/** A proposal collected in the Beteiligungsphase, optionally for one action field. */
export interface ParticipationProposal {
  text: string;
  actionFieldId?: string | null;
}

/**
 * The participation record (Beteiligungsphase, step 4): the phase is closed with the proposals
 * that residents and partners made; the events held are counted from the participation events.
 */
export interface ParticipationRecordDto {
  quarterId: string;
  closedOn: string;
  proposals: ParticipationProposal[];
  summary: string | null;
  events: number;
  participants: number;
  recordedBy: string;
  recordedAt: string;
}

export interface CloseParticipationCommand {
  closedOn: string;
  proposals: ParticipationProposal[];
  summary?: string;
}

export const ParticipationPatterns = {
  list: 'actors.participation.list',
  create: 'actors.participation.create',
  /** Payload `{ actor, id }` (the quarter): {@link ParticipationFigures}. */
  figures: 'actors.participation.figures',
  updateQuarterDetails: 'actors.quarters.update-details',
  /** Payload {@link CloseParticipationCommand} with `quarterId` and `actor`: {@link ParticipationRecordDto}. */
  close: 'actors.participation.close',
  /** Payload `{ actor, id }` (the quarter): {@link ParticipationRecordDto} or null. */
  record: 'actors.participation.record',
} as const;

export const KickoffPatterns = {
  /** Payload {@link RecordKickoffCommand} with `quarterId` and `actor`: {@link KickoffRecordDto}. */
  record: 'actors.kickoff.record',
  /** Payload `{ actor, id }` (the quarter): {@link KickoffRecordDto} or null. */
  get: 'actors.kickoff.get',
  /** Internal (the consistency check), payload `{ quarterId }`: {@link ActorsDeliverables}. */
  deliverables: 'actors.step-records.deliverables',
} as const;

/** Which of the deliverables the actors service owns a quarter has: kick-off record, participation record. */
export interface ActorsDeliverables {
  kickoffRecorded: boolean;
  participationClosed: boolean;
}

/**
 * Why a value is not a valid quarter boundary, or null when it is: a GeoJSON Polygon or
 * MultiPolygon whose rings are closed, have at least four positions, and whose positions
 * are [longitude, latitude] within range. The problem names the bad part by its dotted
 * path (`boundary.coordinates.0.3`) and its code (./problems/actors.ts, `boundary.*`).
 */
export function boundaryProblem(value: unknown): FieldProblemInput | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { field: 'boundary', code: 'boundary.not_geojson' };
  const g = value as { type?: unknown; coordinates?: unknown };
  const ringProblem = (ring: unknown, where: string): FieldProblemInput | null => {
    if (!Array.isArray(ring) || ring.length < 4) return { field: where, code: 'boundary.ring_too_short', params: { min: 4 } };
    for (const [i, p] of ring.entries()) {
      if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        return { field: `${where}.${i}`, code: 'boundary.position_invalid' };
      }
      if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) return { field: `${where}.${i}`, code: 'boundary.position_outside' };
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return { field: where, code: 'boundary.ring_not_closed' };
    return null;
  };
  const polygonProblem = (poly: unknown, where: string): FieldProblemInput | null => {
    if (!Array.isArray(poly) || poly.length === 0) return { field: where, code: 'boundary.rings_empty' };
    for (const [i, ring] of poly.entries()) {
      const p = ringProblem(ring, `${where}.${i}`);
      if (p) return p;
    }
    return null;
  };
  if (g.type === 'Polygon') return polygonProblem(g.coordinates, 'boundary.coordinates');
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return { field: 'boundary.coordinates', code: 'boundary.polygons_empty' };
    for (const [i, poly] of g.coordinates.entries()) {
      const p = polygonProblem(poly, `boundary.coordinates.${i}`);
      if (p) return p;
    }
    return null;
  }
  return { field: 'boundary.type', code: 'boundary.unknown_type' };
}
