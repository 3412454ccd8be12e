import { barChart, euro, field, footnote, germanDate, germanDateOr, paragraph, renderDocument, section, subheading, titleBlock } from '@genq/documents';
import { ACTION_FIELDS, DEFAULT_MEASURE_STATUSES, type DocumentNames, type HandlungskonzeptDto } from '@genq/contracts';
import { ACTION_FIELD_NAMES } from './pdf';

const KIND_NAMES: Record<string, string> = { unmittelbar: 'unmittelbar', mittelbar: 'mittelbar' };
const FUNDING_NAMES: Record<string, string> = { company: 'Wohnungsunternehmen', municipality: 'Kommune', state_programme: 'Landesprogramm', other: 'Sonstige' };

export interface ConceptPdfInput extends DocumentNames {
  concept: HandlungskonzeptDto;
  /** When the document is made; the concept may still change. */
  at: Date;
}

/**
 * Handlungskonzept: per action field of the catalogue its goals (with the criteria they
 * answer, indicator, baseline and target) and their measures, or the written justification
 * of a field without goals; a chart of the measures per action field and status.
 */
export function handlungskonzeptPdf(v: ConceptPdfInput): Promise<Buffer> {
  const c = v.concept;
  const org = (id: string | null) => (id ? (v.organisationNames?.[id] ?? 'unbekannte Organisation') : '—');
  const fieldName = (id: string) => v.actionFieldNames?.[id] ?? ACTION_FIELD_NAMES[id as keyof typeof ACTION_FIELD_NAMES] ?? id;
  const criterion = (id: string) => (v.criterionNames?.[id] ? `${id} ${v.criterionNames[id]}` : id);
  const fields = [...new Set([...ACTION_FIELDS, ...Object.keys(v.actionFieldNames ?? {}), ...c.goals.map((g) => g.actionFieldId)])].sort();
  const measures = c.goals.flatMap((g) => g.measures.map((m) => ({ ...m, actionFieldId: g.actionFieldId })));
  const statuses = [...new Set([...DEFAULT_MEASURE_STATUSES, ...measures.map((m) => m.status)])];
  return renderDocument(`Handlungskonzept ${v.quarterName}`, (doc) => {
    titleBlock(doc, 'Handlungskonzept', [
      ['Quartier', v.quarterName],
      ['Stand', germanDate(v.at.toISOString())],
      ['Ziele', String(c.goals.length)],
      ['Maßnahmen', String(measures.length)],
    ]);
    if (measures.length > 0) {
      const used = statuses.filter((s) => measures.some((m) => m.status === s));
      barChart(doc, {
        caption: 'Maßnahmen je Handlungsfeld und Status',
        bars: fields.map((f) => ({
          label: fieldName(f),
          segments: used.map((s, i) => ({ series: i, value: measures.filter((m) => m.actionFieldId === f && m.status === s).length })),
        })),
        legend: used,
      });
    }
    for (const f of fields) {
      const goals = c.goals.filter((g) => g.actionFieldId === f);
      const justification = c.justifications.find((j) => j.actionFieldId === f);
      doc.moveDown(0.5);
      section(doc, `Handlungsfeld ${f.replace(/^HF/, '')}: ${fieldName(f)}`);
      if (goals.length === 0) paragraph(doc, justification ? `Begründung, warum dieses Handlungsfeld kein Ziel hat: ${justification.text}` : 'Noch kein Ziel und keine Begründung.');
      for (const g of goals) {
        subheading(doc, `Ziel: ${g.title}`);
        if (g.criterionIds.length) field(doc, 'Antwort auf', g.criterionIds.map(criterion).join('; '));
        field(doc, 'Indikator', g.indicator);
        field(doc, 'Ausgangswert', g.baseline ?? '—');
        field(doc, 'Zielwert', `${g.targetValue} bis ${germanDate(g.targetDate)}`);
        if (g.targetGroups.length) field(doc, 'Zielgruppen', g.targetGroups.join(', '));
        if (g.measures.length === 0) paragraph(doc, 'Noch keine Maßnahme.', 14);
        for (const m of g.measures) {
          doc.moveDown(0.2);
          paragraph(doc, `Maßnahme: ${m.title} (Wirkung: ${KIND_NAMES[m.kind] ?? m.kind}) – Status: ${m.status}`, 14);
          if (m.description) paragraph(doc, m.description, 14);
          field(doc, 'Verantwortlich', org(m.ownerOrganisationId), 14);
          if (m.partnerOrganisationIds.length) field(doc, 'Beteiligt', m.partnerOrganisationIds.map(org).join(', '), 14);
          field(doc, 'Zeitraum', `${germanDateOr(m.start)} bis ${germanDateOr(m.end)}`, 14);
          for (const ms of m.milestones) field(doc, 'Meilenstein', `${ms.title}, fällig am ${germanDate(ms.due)}${ms.reachedAt ? `, erreicht am ${germanDate(ms.reachedAt)}` : ''}`, 14);
          if (m.cost !== null) field(doc, 'Kosten', euro(m.cost), 14);
          if (m.funding.length) field(doc, 'Finanzierung', m.funding.map((s) => `${FUNDING_NAMES[s.source] ?? s.source} ${euro(s.amount)}`).join(', '), 14);
        }
      }
    }
    footnote(doc, `Arbeitsstand des Handlungskonzepts am ${germanDate(v.at.toISOString())}. Verbindlich ist erst die unterzeichnete Zielvereinbarung.`);
  });
}
