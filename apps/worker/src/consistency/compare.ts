import type { AgreementVersionDto, AmendmentDto, AnnualReportDto, CertificateDto, ProcessState } from '@genq/contracts';

/** What the agreements service holds about one quarter, as far as the process depends on it. */
export interface AgreementsFacts {
  versions: Array<Pick<AgreementVersionDto, 'id' | 'number' | 'status'>>;
  certificate: Pick<CertificateDto, 'cycle' | 'validUntil' | 'endedBy' | 'reportWindows'> | null;
  reports: Array<Pick<AnnualReportDto, 'cycle' | 'year' | 'status'>>;
  amendments: Array<Pick<AmendmentDto, 'id' | 'status' | 'confirmedBy'>>;
}

/** The deliverables that complete the development steps, as their owning services hold them. */
export interface DeliverableFacts {
  /** actors: the kick-off record. */
  kickoffRecorded: boolean;
  /** analysis: submitted, and the strategy workshop's priorities. */
  analysisSubmitted: boolean;
  prioritiesRecorded: boolean;
  /** actors: the participation record closing the Beteiligungsphase. */
  participationClosed: boolean;
  /** agreements: goals workshops recorded. */
  goalsWorkshops: number;
}

export type FactOwner = 'agreements' | 'actors' | 'analysis';

/** One fact the process and the service that owns it disagree on. */
export interface Mismatch {
  quarterId: string;
  /** A stable code, e.g. `certificate.validity`. */
  code: string;
  /** The service that owns the fact. */
  owner: FactOwner;
  /** What the process says. */
  process: unknown;
  /** What the owning service says. */
  service: unknown;
}

/**
 * The process and the agreements service after every event between them has arrived: each
 * rule is a fact one side owns that the other must reflect. A quarter that joined the
 * programme in the implementation phase (no approved agreement in GenQ) has no agreement to
 * compare. Only what an event carries is compared, so a difference is a lost or refused event.
 */
export function compareQuarter(quarterId: string, p: ProcessState, a: AgreementsFacts): Mismatch[] {
  const out: Mismatch[] = [];
  const add = (code: string, process: unknown, service: unknown) => out.push({ quarterId, code, owner: 'agreements', process, service });
  const afterDevelopment = p.phase !== 'development';
  const step = (key: string) => p.steps.find((s) => s.key === key);
  const stepDone = (key: string) => {
    const s = step(key);
    return afterDevelopment || s?.status === 'completed' || s?.status === 'waived';
  };

  const bound = a.versions.filter((v) => v.status === 'binding' || v.status === 'approved');
  const approved = a.versions.some((v) => v.status === 'approved');
  if (p.phase !== 'withdrawn') {
    if (bound.length > 0 && !stepDone('decision_and_signing')) add('agreement.bound', { currentStep: p.currentStep }, { versions: bound.map((v) => `${v.number}:${v.status}`) });
    if (approved && p.phase === 'development') add('agreement.approved', { phase: p.phase, currentStep: p.currentStep }, 'approved');
  }
  if (!approved) return out; // joined later, or not certified: nothing else to compare

  const c = a.certificate;
  if (p.certifiedAt && p.certificateValidUntil) {
    if (!c) add('certificate.missing', { cycle: p.cycle, validUntil: p.certificateValidUntil }, null);
    else {
      if (c.cycle !== p.cycle) add('certificate.cycle', p.cycle, c.cycle);
      else if (new Date(c.validUntil).getTime() !== new Date(p.certificateValidUntil).getTime()) add('certificate.validity', p.certificateValidUntil, c.validUntil);
      if (c.cycle === p.cycle && c.reportWindows.length !== p.reports.length) add('certificate.report_windows', p.reports.length, c.reportWindows.length);
    }
  }
  if (c) {
    const ended = p.phase === 'closed' ? 'bilanzierung' : p.phase === 'withdrawn' ? 'withdrawal' : null;
    if ((c.endedBy ?? null) !== ended) add('certificate.ended', ended, c.endedBy ?? null);
  }

  // Reports of the current cycle: in at the process exactly when submitted or accepted here.
  if (p.phase === 'implementation' || p.phase === 'reaudit') {
    for (const r of p.reports) {
      if (r.status === 'waived') continue;
      const here = a.reports.find((x) => x.cycle === p.cycle && x.year === r.year);
      const inHere = here?.status === 'submitted' || here?.status === 'accepted';
      const inThere = r.status === 'completed';
      if (inHere !== inThere) add('report.status', { year: r.year, status: r.status }, here ? { cycle: here.cycle, year: here.year, status: here.status } : null);
    }
  }

  // The open amendment, and who confirmed it.
  if (p.phase === 'implementation' || p.phase === 'reaudit') {
    const open = a.amendments.find((x) => x.status === 'proposed' || x.status === 'confirmed') ?? null;
    if ((open?.id ?? null) !== (p.amendment?.id ?? null)) add('amendment.open', p.amendment?.id ?? null, open?.id ?? null);
    else if (open && p.amendment && [...open.confirmedBy].sort().join() !== [...p.amendment.confirmedBy].sort().join()) {
      add('amendment.confirmed_by', p.amendment.confirmedBy, open.confirmedBy);
    }
  }
  return out;
}

/**
 * The development steps against their deliverables: a deliverable its service holds while the
 * process still waits for the step is a fact that did not arrive. (The other way round is no
 * mismatch: a step may be waived by an operator, or lie before the point a quarter joined at.)
 * The goals workshop is compared only while no version was sent back, because a concept sent
 * back reopens the step and the earlier workshop no longer counts.
 */
export function compareDeliverables(quarterId: string, p: ProcessState, d: DeliverableFacts, a: Pick<AgreementsFacts, 'versions'>): Mismatch[] {
  if (p.phase !== 'development') return [];
  const open = (key: string) => {
    const s = p.steps.find((x) => x.key === key);
    return !!s && s.status !== 'completed' && s.status !== 'waived';
  };
  const sentBack = a.versions.some((v) => v.status === 'sent_back');
  const rules: Array<[boolean, string, string, FactOwner, unknown]> = [
    [d.kickoffRecorded, 'kickoff', 'kickoff.recorded', 'actors', 'kick-off recorded'],
    [d.analysisSubmitted, 'analysis', 'analysis.submitted', 'analysis', 'submitted'],
    [d.prioritiesRecorded, 'strategy_workshop', 'analysis.priorities_recorded', 'analysis', 'priorities recorded'],
    [d.participationClosed, 'participation', 'participation.closed', 'actors', 'participation record'],
    [d.goalsWorkshops > 0 && !sentBack, 'goals_workshop', 'goals_workshop.recorded', 'agreements', { goalsWorkshops: d.goalsWorkshops }],
  ];
  return rules
    .filter(([held, step]) => held && open(step))
    .map(([, step, code, owner, service]) => ({ quarterId, code, owner, process: { step, status: p.steps.find((x) => x.key === step)?.status }, service }));
}
