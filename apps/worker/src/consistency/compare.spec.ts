import type { ProcessState } from '@genq/contracts';
import { compareDeliverables, compareQuarter, type AgreementsFacts, type DeliverableFacts } from './compare';

const Q = 'q-1';
const step = (key: string, status: 'pending' | 'active' | 'completed' | 'waived') => ({ key, name: key, status, due: '2027-01-01T00:00:00.000Z', reminders: [] });
const KEYS = ['kickoff', 'analysis', 'strategy_workshop', 'participation', 'goals_workshop', 'decision_and_signing', 'review_and_certification'];

function processAt(over: Partial<ProcessState>): ProcessState {
  return {
    quarterId: Q,
    programmeId: 'p',
    phase: 'implementation',
    cycle: 1,
    currentStep: null,
    steps: KEYS.map((k) => step(k, 'completed')),
    certifiedAt: '2027-01-01T00:00:00.000Z',
    certificateValidUntil: '2029-01-01T00:00:00.000Z',
    reports: [1, 2, 3].map((year) => ({ ...step(`report_1_${year}`, 'active'), year, final: year === 3 })),
    reaudit: null,
    milestones: [],
    paused: null,
    pausedMs: 0,
    stalled: null,
    lastActivityAt: '2027-01-01T00:00:00.000Z',
    nextDue: null,
    amendment: null,
    withdrawn: null,
    closedAt: null,
    interventions: [],
    version: 1,
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...over,
  };
}

const windows = [1, 2, 3].map((year) => ({ year, final: year === 3, opensAt: '2028-01-01T00:00:00.000Z', due: '2028-03-01T00:00:00.000Z' }));
const certified: AgreementsFacts = {
  versions: [{ id: 'v1', number: 1, status: 'approved' }],
  certificate: { cycle: 1, validUntil: '2029-01-01T00:00:00.000Z', endedBy: null, reportWindows: windows },
  reports: [],
  amendments: [],
};

describe('consistency of the process and the agreements service', () => {
  it('finds nothing when both sides agree', () => {
    expect(compareQuarter(Q, processAt({}), certified)).toEqual([]);
    // Development, nothing signed yet.
    const developing = processAt({ phase: 'development', currentStep: 'goals_workshop', certifiedAt: null, certificateValidUntil: null, reports: [], steps: KEYS.map((k, i) => step(k, i < 4 ? 'completed' : i === 4 ? 'active' : 'pending')) });
    expect(compareQuarter(Q, developing, { versions: [{ id: 'v1', number: 1, status: 'submitted' }], certificate: null, reports: [], amendments: [] })).toEqual([]);
  });

  it('names a signature or an approval the process never heard of', () => {
    const waiting = processAt({ phase: 'development', currentStep: 'decision_and_signing', certifiedAt: null, certificateValidUntil: null, reports: [], steps: KEYS.map((k, i) => step(k, i < 5 ? 'completed' : i === 5 ? 'active' : 'pending')) });
    expect(compareQuarter(Q, waiting, { versions: [{ id: 'v1', number: 1, status: 'binding' }], certificate: null, reports: [], amendments: [] }).map((m) => m.code)).toEqual(['agreement.bound']);
    expect(compareQuarter(Q, waiting, { ...certified }).map((m) => m.code)).toEqual(['agreement.bound', 'agreement.approved']);
  });

  it("names a certificate that does not say what the process decided", () => {
    expect(compareQuarter(Q, processAt({}), { ...certified, certificate: { ...certified.certificate!, validUntil: '2030-01-01T00:00:00.000Z' } })).toEqual([
      { quarterId: Q, code: 'certificate.validity', owner: 'agreements', process: '2029-01-01T00:00:00.000Z', service: '2030-01-01T00:00:00.000Z' },
    ]);
    expect(compareQuarter(Q, processAt({ cycle: 2 }), certified).map((m) => m.code)).toEqual(['certificate.cycle']);
    expect(compareQuarter(Q, processAt({}), { ...certified, certificate: null }).map((m) => m.code)).toEqual(['certificate.missing']);
    expect(compareQuarter(Q, processAt({ phase: 'closed', closedAt: '2030-01-01T00:00:00.000Z' }), certified).map((m) => m.code)).toEqual(['certificate.ended']);
  });

  it('names reports and amendments that are in on one side only', () => {
    const p = processAt({
      reports: [
        { ...step('report_1_1', 'completed'), year: 1, final: false },
        { ...step('report_1_2', 'active'), year: 2, final: false },
        { ...step('report_1_3', 'pending'), year: 3, final: true },
      ],
    });
    // Report 1 returned here, still in at the process; report 2 submitted here, not there.
    const a: AgreementsFacts = { ...certified, reports: [{ cycle: 1, year: 1, status: 'returned' }, { cycle: 1, year: 2, status: 'submitted' }] };
    expect(compareQuarter(Q, p, a).map((m) => [m.code, (m.process as { year: number }).year])).toEqual([
      ['report.status', 1],
      ['report.status', 2],
    ]);
    // A report of the previous cycle does not count for this one.
    expect(compareQuarter(Q, processAt({ cycle: 2, reports: [{ ...step('report_2_1', 'completed'), year: 1, final: false }] }), { ...certified, certificate: { ...certified.certificate!, cycle: 2, reportWindows: [windows[0]!] }, reports: [{ cycle: 1, year: 1, status: 'accepted' }] }).map((m) => m.code)).toEqual(['report.status']);
    expect(compareQuarter(Q, processAt({}), { ...certified, amendments: [{ id: 'a1', status: 'proposed', confirmedBy: [] }] }).map((m) => m.code)).toEqual(['amendment.open']);
    expect(
      compareQuarter(Q, processAt({ amendment: { id: 'a1', description: 'x', confirmedBy: ['housing_company'], accepted: false } }), { ...certified, amendments: [{ id: 'a1', status: 'confirmed', confirmedBy: ['housing_company', 'municipality'] }] }).map((m) => m.code),
    ).toEqual(['amendment.confirmed_by']);
  });

  it('does not compare a quarter that joined in the implementation phase without an agreement in GenQ', () => {
    expect(compareQuarter(Q, processAt({}), { versions: [], certificate: null, reports: [], amendments: [] })).toEqual([]);
  });

  it('names a deliverable its service holds while the process still waits for the step, and nothing the other way round', () => {
    const developing = (current: string) =>
      processAt({ phase: 'development', currentStep: current, steps: KEYS.map((k, i) => step(k, i < KEYS.indexOf(current) ? 'completed' : k === current ? 'active' : 'pending')) });
    const none: DeliverableFacts = { kickoffRecorded: false, analysisSubmitted: false, prioritiesRecorded: false, participationClosed: false, goalsWorkshops: 0 };
    // Everything held while the process waits at the kick-off: every fact was lost.
    const all: DeliverableFacts = { kickoffRecorded: true, analysisSubmitted: true, prioritiesRecorded: true, participationClosed: true, goalsWorkshops: 1 };
    expect(compareDeliverables(Q, developing('kickoff'), all, { versions: [] }).map((m) => [m.code, m.owner])).toEqual([
      ['kickoff.recorded', 'actors'],
      ['analysis.submitted', 'analysis'],
      ['analysis.priorities_recorded', 'analysis'],
      ['participation.closed', 'actors'],
      ['goals_workshop.recorded', 'agreements'],
    ]);
    // The process took them: nothing to report. A step done without its deliverable (waived, or a quarter that joined later) is no mismatch.
    expect(compareDeliverables(Q, developing('decision_and_signing'), all, { versions: [] })).toEqual([]);
    expect(compareDeliverables(Q, developing('decision_and_signing'), none, { versions: [] })).toEqual([]);
    // A concept sent back reopens the goals workshop: the earlier workshop no longer counts.
    expect(compareDeliverables(Q, developing('goals_workshop'), all, { versions: [{ id: 'v1', number: 1, status: 'sent_back' }] })).toEqual([]);
    expect(compareDeliverables(Q, processAt({}), all, { versions: [] })).toEqual([]);
  });
});
