import type { Actor } from './auth';

/**
 * The documents a person files as PDF besides the Zielvereinbarung, the certificate and the
 * annual report (issue 17): each rendered by the service that owns its facts. The answer is
 * a `PdfDocument` (filename and base64 content, in ./agreements).
 */

/**
 * Names a document shows that its service does not own: the gateway looks them up (quarter
 * from the actors service, organisations from the memberships, texts from the catalogue
 * version) as it does for the Zielvereinbarung.
 */
export interface DocumentNames {
  quarterName: string;
  /** Organisation id -> name, for owners and partners of measures. */
  organisationNames?: Record<string, string>;
  /** Action field id -> name, from the programme's catalogue version. */
  actionFieldNames?: Record<string, string>;
  /** Criterion id -> name, from the programme's catalogue version. */
  criterionNames?: Record<string, string>;
}

/** Quartiersanalyse summary and Stärken-Schwächen-Profil of a quarter (analysis service). */
export interface AnalysisPdfQuery {
  quarterId: string;
  quarterName: string;
}

/** Handlungskonzept of a quarter as it is drafted now (agreements service). */
export interface ConceptPdfQuery extends DocumentNames {
  quarterId: string;
}

/**
 * Programme report over every quarter of a programme the caller may see (actors service,
 * which asks the agreements and analysis services for their parts over NATS).
 */
export interface ProgrammeReportQuery {
  actor: Actor;
  programmeId: string;
}

export const DocumentPatterns = {
  analysisSummaryPdf: 'analysis.documents.summary-pdf',
  profilePdf: 'analysis.documents.profile-pdf',
  conceptPdf: 'agreements.documents.concept-pdf',
  programmeReportPdf: 'actors.documents.programme-report-pdf',
} as const;
