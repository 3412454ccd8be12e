import type { AgreementVersionDto, AmendmentDto, AnnualReportDto, CertificateDto, ProcessState } from '@genq/contracts';

/** What the agreements service holds about one quarter, as far as the process depends on it. */
export interface AgreementsFacts {
  versions: Array<Pick<AgreementVersionDto, 'id' | 'number' | 'status'>>;
  certificate: Pick<CertificateDto, 'cycle' | 'validUntil' | 'endedBy' | 'reportWindows'> | null;
  reports: Array<Pick<AnnualReportDto, 'cycle' | 'year' | 'status'>>;
  amendments: Array<Pick<AmendmentDto, 'id' | 'status' | 'confirmedBy'>>;
}

/** One fact the process and the agreements service disagree on. */
export interface Mismatch {
  quarterId: string;
  /** A stable code, e.g. `certificate.validity`. */
  code: string;
  /** What the process says. */
  process: unknown;
  /** What the agreements service says. */
  agreements: unknown;
}

/**
 * The process and the agreements service after every event between them has arrived: each
 * rule is a fact one side owns that the other must reflect. A quarter that joined the
 * programme in the implementation phase (no approved agreement in GenQ) has no agreement to
 * compare. Only what an event carries is compared, so a difference is a lost or refused event.
 */
export function compareQuarter(quarterId: string, p: ProcessState, a: AgreementsFacts): Mismatch[] {
  const out: Mismatch[] = [];
  const add = (code: string, process: unknown, agreements: unknown) => out.push({ quarterId, code, process, agreements });
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
