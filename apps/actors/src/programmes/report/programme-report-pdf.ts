import { barChart, field, footnote, germanDate, germanDateOr, germanNumber, paragraph, renderDocument, section, subheading, titleBlock } from '@genq/documents';
import type { AgreementsDashboard } from '@genq/contracts';

/** German names of the phases, as the console says them. */
export const PHASE_NAMES: Record<string, string> = {
  development: 'Entwicklungsphase',
  implementation: 'Umsetzungsphase',
  reaudit: 'Bilanzierung',
  closed: 'abgeschlossen',
  withdrawn: 'zurückgezogen',
};

export interface ReportQuarter {
  name: string;
  municipality: string;
  housingCompany: string;
  phase: string | null;
  currentStep: string | null;
  stalledSince: string | null;
  stalledReason: string | null;
  overdueSince: string | null;
  paused: boolean;
}

/** Everything the programme report shows, gathered from the three services. */
export interface ProgrammeReportInput {
  programmeName: string;
  catalogueVersion: string;
  /** Step key -> name, from the programme's calendar. */
  stepNames: Record<string, string>;
  /** Action field id -> name, from the programme's catalogue version (analysis service). */
  actionFieldNames: Record<string, string>;
  quarters: ReportQuarter[];
  /** Measures and certificates of these quarters (agreements service). */
  agreements: AgreementsDashboard;
  /** Days ahead a certificate counts as expiring. */
  expiringDays: number;
  /** Median of the action fields' mean ratings over the programme's quarters (analysis service); empty when unknown. */
  actionFieldMedians: Array<{ actionFieldId: string; median: number | null; count: number }>;
  maxRating: number;
  at: Date;
}

const phaseName = (p: string | null) => (p ? (PHASE_NAMES[p] ?? p) : 'wird gestartet');

/**
 * Programme report: every quarter of the programme the reader may see, by phase and step,
 * the stalled and overdue ones since when, measures per action field and status,
 * certificates issued and expiring, the programme's profile, with charts.
 */
export function programmeReportPdf(v: ProgrammeReportInput): Promise<Buffer> {
  const step = (k: string | null) => (k ? (v.stepNames[k] ?? k.replace(/_/g, ' ')) : '—');
  const field_ = (id: string) => v.actionFieldNames[id] ?? id;
  const q = v.quarters;
  const stalled = q.filter((x) => x.stalledSince).sort((a, b) => a.stalledSince!.localeCompare(b.stalledSince!));
  const overdue = q.filter((x) => x.overdueSince).sort((a, b) => a.overdueSince!.localeCompare(b.overdueSince!));
  return renderDocument(`Programmbericht ${v.programmeName}`, (doc) => {
    titleBlock(doc, 'Programmbericht', [
      ['Programm', v.programmeName],
      ['Katalogversion', v.catalogueVersion],
      ['Stand', germanDate(v.at.toISOString())],
      ['Quartiere', String(q.length)],
    ]);

    section(doc, 'Quartiere nach Phase und Schritt');
    const phases = [...new Set(q.map((x) => x.phase))];
    barChart(doc, {
      caption: 'Quartiere je Phase',
      bars: phases.map((p) => ({ label: phaseName(p), segments: [{ value: q.filter((x) => x.phase === p).length, series: 0 }] })),
      legend: ['Quartiere'],
    });
    const steps = [...new Set(q.filter((x) => x.phase === 'development').map((x) => x.currentStep))];
    if (steps.length) {
      barChart(doc, {
        caption: 'Entwicklungsphase: Quartiere je aktuellem Schritt',
        bars: steps.map((s) => ({ label: step(s), segments: [{ value: q.filter((x) => x.phase === 'development' && x.currentStep === s).length, series: 0 }] })),
        legend: ['Quartiere'],
      });
    }

    section(doc, 'Stockende und überfällige Quartiere');
    field(doc, 'Stockend', String(stalled.length));
    field(doc, 'Überfällig', String(overdue.length));
    field(doc, 'Pausiert', String(q.filter((x) => x.paused).length));
    if (stalled.length) subheading(doc, 'Stockend');
    for (const x of stalled) paragraph(doc, `${x.name}: stockend seit ${germanDate(x.stalledSince!)}${x.stalledReason ? ` – ${x.stalledReason}` : ''}`, 14);
    if (overdue.length) subheading(doc, 'Überfällig');
    for (const x of overdue) paragraph(doc, `${x.name}: überfällig seit ${germanDate(x.overdueSince!)} (${phaseName(x.phase)}${x.currentStep ? `, ${step(x.currentStep)}` : ''})`, 14);

    section(doc, 'Maßnahmen je Handlungsfeld');
    const measures = v.agreements.measures;
    if (measures.length === 0) paragraph(doc, 'Noch keine Maßnahmen.');
    else {
      const statuses = [...new Set(measures.map((m) => m.status))];
      const fields = [...new Set([...Object.keys(v.actionFieldNames), ...measures.map((m) => m.actionFieldId)])].sort();
      barChart(doc, {
        caption: 'Maßnahmen je Handlungsfeld und Status',
        bars: fields.map((f) => ({ label: field_(f), segments: statuses.map((s, i) => ({ series: i, value: measures.find((m) => m.actionFieldId === f && m.status === s)?.count ?? 0 })) })),
        legend: statuses,
      });
      for (const f of fields) {
        const own = measures.filter((m) => m.actionFieldId === f);
        const total = own.reduce((s, m) => s + m.count, 0);
        paragraph(doc, `${field_(f)}: ${total} Maßnahmen${total ? ` (${own.map((m) => `${m.count} ${m.status}`).join(', ')})` : ''}`);
      }
    }

    if (v.actionFieldMedians.some((m) => m.median !== null)) {
      section(doc, 'Stärken und Schwächen im Programm');
      barChart(doc, {
        caption: 'Median der mittleren Bewertung je Handlungsfeld',
        bars: v.actionFieldMedians.map((m) => ({
          label: field_(m.actionFieldId),
          segments: m.median === null ? [] : [{ value: m.median, series: 0 }],
          text: m.median === null ? 'keine Bewertung' : germanNumber(m.median),
        })),
        legend: ['Median'],
        max: v.maxRating,
        ticks: Array.from({ length: v.maxRating + 1 }, (_, i) => i),
      });
    }

    section(doc, 'Zertifikate');
    const c = v.agreements.certificates;
    field(doc, 'Ausgestellt', String(c.issued));
    field(doc, `Laufen in den nächsten ${v.expiringDays} Tagen ab`, String(c.expiring.count));
    for (const e of c.expiring.first) paragraph(doc, `Zertifikat ${e.number}, ${e.quarterName}: gültig bis ${germanDate(e.validUntil)}`, 14);
    if (c.expiring.count > c.expiring.first.length) paragraph(doc, `… und ${c.expiring.count - c.expiring.first.length} weitere.`, 14);

    section(doc, 'Alle Quartiere');
    if (q.length === 0) paragraph(doc, 'Keine Quartiere.');
    for (const x of [...q].sort((a, b) => a.name.localeCompare(b.name, 'de', { numeric: true }))) {
      const flags = [x.paused ? 'pausiert' : '', x.stalledSince ? `stockend seit ${germanDate(x.stalledSince)}` : '', x.overdueSince ? `überfällig seit ${germanDateOr(x.overdueSince)}` : ''].filter(Boolean);
      paragraph(doc, `${x.name} (${x.municipality}, ${x.housingCompany}): ${phaseName(x.phase)}${x.currentStep ? `, ${step(x.currentStep)}` : ''}${flags.length ? ` – ${flags.join(', ')}` : ''}`);
    }
    footnote(doc, 'Quartiere im Zuständigkeitsbereich der Person, die den Bericht abgerufen hat. Maßnahmen und Zertifikate aus den Zielvereinbarungen, Bewertungen aus den Quartiersanalysen.');
  });
}
