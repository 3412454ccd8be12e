import { barChart, type Doc, field, footnote, germanDate, germanNumber, paragraph, radarChart, renderDocument, section, subheading, titleBlock } from '@genq/documents';
import { allCriteria, type Catalogue } from '@genq/domain';
import type { DerivedFigures, IndicatorValueDto, ProfileDto, RatingDto } from '@genq/contracts';

/** What both documents of the analysis are drawn from: the service's own facts and the pinned catalogue. */
export interface AnalysisDocumentInput {
  quarterName: string;
  catalogue: Catalogue;
  profile: ProfileDto;
  values: IndicatorValueDto[];
  ratings: RatingDto[];
  /** When the document is made. */
  at: Date;
}

const KIND_NAMES: Record<string, string> = { input: 'Input', output: 'Output', context: 'Kontext' };
const STATUS_NAMES: Record<string, string> = { draft: 'in Bearbeitung', submitted: 'eingereicht' };
const QUARTILE_NAMES: Record<number, string> = {
  1: 'unteres Viertel des Programms',
  2: 'unter dem Median des Programms',
  3: 'über dem Median des Programms',
  4: 'oberes Viertel des Programms',
};
const DERIVED_NAMES: Array<[keyof Omit<DerivedFigures, 'referenceDate'>, string]> = [
  ['barrierFreeFlatsShare', 'Anteil barrierefreier Wohnungen'],
  ['lowBarrierFlatsShare', 'Anteil barrierearmer Wohnungen'],
  ['barrierReducedFlatsShare', 'Anteil barrierefreier und barrierearmer Wohnungen'],
  ['priceBoundFlatsShare', 'Anteil preisgebundener Wohnungen'],
  ['companyFlatsShare', 'Anteil der Wohnungen des Wohnungsunternehmens'],
  ['residents65PlusShare', 'Anteil der Bewohnenden ab 65 Jahren'],
  ['residents80PlusShare', 'Anteil der Bewohnenden ab 80 Jahren'],
  ['residentsUnder18Share', 'Anteil der Bewohnenden unter 18 Jahren'],
];

function names(catalogue: Catalogue) {
  const criteria = new Map(allCriteria(catalogue).map((c) => [c.id, c] as const));
  const fields = new Map(catalogue.actionFields.map((f) => [f.id, f] as const));
  const scale = new Map(catalogue.ratingScale.map((l) => [l.value, l.label] as const));
  const maxRating = Math.max(...catalogue.ratingScale.map((l) => l.value));
  /** A criterion or action field id as a reader knows it: its id and its name in the catalogue. */
  const priority = (id: string) => {
    const c = criteria.get(id);
    if (c) return `Kriterium ${c.id} ${c.name}`;
    const f = fields.get(id);
    return f ? `Handlungsfeld ${f.name}` : id;
  };
  const rating = (v: number) => `${germanNumber(v)}${scale.has(v) ? ` (${scale.get(v)})` : ''}`;
  return { criteria, fields, scale, maxRating, priority, rating };
}

function header(v: AnalysisDocumentInput, title: string) {
  const a = v.profile.analysis;
  return (doc: Doc) =>
    titleBlock(doc, title, [
      ['Quartier', v.quarterName],
      ['Katalog', `${v.catalogue.title}, Version ${v.catalogue.version}`],
      ['Stand der Analyse', `${STATUS_NAMES[a.status] ?? a.status}${a.submittedAt ? ` am ${germanDate(a.submittedAt)}` : ''}`],
      ['Erstellt am', germanDate(v.at.toISOString())],
    ]);
}

/** Each indicator's value at its latest reference date. */
function latest(values: IndicatorValueDto[]): Map<string, IndicatorValueDto> {
  const best = new Map<string, IndicatorValueDto>();
  for (const x of values) {
    const b = best.get(x.indicatorId);
    if (!b || x.referenceDate > b.referenceDate) best.set(x.indicatorId, x);
  }
  return best;
}

/**
 * Quartiersanalyse summary: the indicators (latest value with unit and reference date, by
 * group), the shares derived from them, the self-assessment per action field and criterion,
 * and the strategy workshop's priorities.
 */
export function analysisSummaryPdf(v: AnalysisDocumentInput): Promise<Buffer> {
  const n = names(v.catalogue);
  const current = latest(v.values);
  const ratings = new Map(v.ratings.map((r) => [r.criterionId, r] as const));
  return renderDocument(`Quartiersanalyse ${v.quarterName}`, (doc) => {
    header(v, 'Quartiersanalyse – Zusammenfassung')(doc);

    section(doc, 'Indikatoren');
    paragraph(doc, `${current.size} von ${v.catalogue.indicators.length} Indikatoren des Katalogs haben einen Wert; angegeben ist jeweils der Wert zum letzten Stichtag.`);
    const groups = [...new Set(v.catalogue.indicators.map((i) => i.group))];
    for (const group of groups) {
      const indicators = v.catalogue.indicators.filter((i) => i.group === group);
      subheading(doc, group);
      for (const i of indicators) {
        const x = current.get(i.id);
        const kind = KIND_NAMES[i.kind] ?? i.kind;
        paragraph(doc, x ? `${i.name}: ${germanNumber(x.value)} ${i.unit} (Stichtag ${germanDate(x.referenceDate)}; ${kind})` : `${i.name}: kein Wert (${i.unit}; ${kind})`, 14);
      }
    }

    section(doc, 'Abgeleitete Kennzahlen');
    const d = v.profile.derived;
    if (d.referenceDate) paragraph(doc, `Jeweils zum letzten Stichtag, an dem Zähler und Nenner erfasst sind (spätester Stichtag: ${germanDate(d.referenceDate)}).`);
    for (const [key, label] of DERIVED_NAMES) field(doc, label, d[key] === null ? 'nicht berechenbar' : `${germanNumber(d[key] as number, 1)} %`);

    section(doc, 'Selbsteinschätzung');
    paragraph(doc, `Skala: ${v.catalogue.ratingScale.map((l) => `${l.value} = ${l.label}`).join(', ')}.`);
    for (const f of v.profile.actionFields) {
      subheading(doc, `${f.name}: Mittelwert ${f.mean === null ? '—' : germanNumber(f.mean)} (${f.rated} von ${f.total} Kriterien bewertet)`);
      for (const c of n.fields.get(f.actionFieldId)?.criteria ?? []) {
        const r = ratings.get(c.id);
        paragraph(doc, `${c.id} ${c.name}: ${r ? n.rating(r.rating) : 'nicht bewertet'}`, 14);
        if (r?.evidence) paragraph(doc, `Beleg: ${r.evidence}`, 28);
        if (r?.targetGroups.length) paragraph(doc, `Zielgruppen: ${r.targetGroups.join(', ')}`, 28);
      }
    }

    section(doc, 'Prioritäten des Strategieworkshops');
    const p = v.profile.analysis.priorities;
    if (!p || p.length === 0) paragraph(doc, 'Noch keine Prioritäten festgelegt.');
    else {
      if (v.profile.analysis.prioritiesRecordedAt) paragraph(doc, `Festgelegt am ${germanDate(v.profile.analysis.prioritiesRecordedAt)}:`);
      p.forEach((id, i) => paragraph(doc, `${i + 1}. ${n.priority(id)}`, 14));
    }
    footnote(doc, 'Indikatoren nach dem Input-Output-Kontext-Schema der Städtebauförderung; Texte und Skala aus der angegebenen Katalogversion.');
  });
}

/**
 * Stärken-Schwächen-Profil: the action fields' mean ratings against the programme's median
 * as a radar chart, each criterion's rating as bars, the strengths and weaknesses per action
 * field by the catalogue's thresholds, and each field's place in the programme.
 */
export function profilePdf(v: AnalysisDocumentInput): Promise<Buffer> {
  const n = names(v.catalogue);
  const ratings = new Map(v.ratings.map((r) => [r.criterionId, r.rating] as const));
  const ticks = v.catalogue.ratingScale.map((l) => l.value).filter((x) => x > 0);
  const list = (ids: string[]) => (ids.length ? ids.map((id) => `${id} ${n.criteria.get(id)?.name ?? ''}`.trim()).join('; ') : 'keine');
  return renderDocument(`Stärken-Schwächen-Profil ${v.quarterName}`, (doc) => {
    header(v, 'Stärken-Schwächen-Profil')(doc);
    paragraph(
      doc,
      `Stärke: Bewertung ab ${germanNumber(v.catalogue.strengthThreshold)}; Schwäche: Bewertung bis ${germanNumber(v.catalogue.weaknessThreshold)}. Skala: ${v.catalogue.ratingScale.map((l) => `${l.value} = ${l.label}`).join(', ')}.`,
    );
    doc.moveDown(0.5);
    radarChart(doc, {
      caption: 'Mittlere Bewertung je Handlungsfeld',
      axes: v.profile.actionFields.map((f) => ({ label: f.name, values: [f.mean, f.programme.median] })),
      legend: [v.quarterName, `Median des Programms`],
      max: n.maxRating,
      ticks,
    });

    section(doc, 'Stärken und Schwächen je Handlungsfeld');
    for (const f of v.profile.actionFields) {
      subheading(doc, f.name);
      field(doc, 'Mittelwert', f.mean === null ? 'noch nicht bewertet' : `${germanNumber(f.mean)} (${f.rated} von ${f.total} Kriterien bewertet)`);
      if (f.programme.median !== null) field(doc, 'Im Programm', `Median ${germanNumber(f.programme.median)} über ${f.programme.count} Quartiere${f.quartile ? `; dieses Quartier liegt im ${QUARTILE_NAMES[f.quartile]}` : ''}`);
      field(doc, 'Stärken', list(f.strengths));
      field(doc, 'Schwächen', list(f.weaknesses));
    }

    for (const f of v.catalogue.actionFields) {
      doc.moveDown(0.5);
      barChart(doc, {
        caption: `Bewertung der Kriterien: ${f.name}`,
        bars: f.criteria.map((c) => {
          const r = ratings.get(c.id);
          return { label: `${c.id} ${c.name}`, segments: r === undefined ? [] : [{ value: r, series: 0 }], text: r === undefined ? 'nicht bewertet' : germanNumber(r) };
        }),
        legend: ['Bewertung'],
        max: n.maxRating,
        ticks: [0, ...ticks],
      });
    }
    if (v.profile.unrated.length) footnote(doc, `Noch nicht bewertet: ${v.profile.unrated.length} Kriterien. Das Profil zeigt die bewerteten.`);
  });
}
