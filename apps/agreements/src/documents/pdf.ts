import { euro, germanDate, renderDocument as render } from '@genq/documents';
import type { ActionFieldId, AnnualReportDto, CertificateDto } from '@genq/contracts';
import type { AgreementSnapshot } from '../agreement/snapshot';

export { germanDate };

/** German names of the action fields as they appear in the documents. */
export const ACTION_FIELD_NAMES: Record<ActionFieldId, string> = {
  HF1: 'Steuerung, Vernetzung und Nachhaltigkeit',
  HF2: 'Wohnqualität',
  HF3: 'Wohnumfeld',
  HF4: 'Miteinander der Generationen',
};

const STATUS_NAMES: Record<string, string> = {
  submitted: 'eingereicht',
  binding: 'verbindlich (unterzeichnet)',
  approved: 'geprüft und zertifiziert',
  sent_back: 'zur Überarbeitung zurückgegeben',
  superseded: 'ersetzt',
};

const SIGNATORY_NAMES: Record<string, string> = {
  housing_company: 'Wohnungsunternehmen',
  municipality: 'Kommune',
  partner: 'Kooperationspartner',
};

export interface AgreementPdfInput {
  number: number;
  status: string;
  contentHash: string;
  snapshot: AgreementSnapshot;
  signatures: Array<{ role: string; organisationName: string; at: string }>;
  organisationNames: Record<string, string>;
}

/** Zielvereinbarung: goals and measures per action field, the window, the signatures and the content hash. */
export function zielvereinbarungPdf(v: AgreementPdfInput): Promise<Buffer> {
  const s = v.snapshot;
  const org = (id: string | null) => (id ? (v.organisationNames[id] ?? id) : '—');
  return render(`Zielvereinbarung ${s.quarterName}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text('Zielvereinbarung');
    doc.font('Helvetica').fontSize(11).text('Generationengerechtes Wohnen im Quartier');
    doc.moveDown();
    doc.text(`Quartier: ${s.quarterName}`);
    doc.text(`Version: ${v.number} – Status: ${STATUS_NAMES[v.status] ?? v.status}`);
    doc.text(`Umsetzungszeitraum: ${germanDate(s.windowStart)} bis ${germanDate(s.windowEnd)}`);
    doc.moveDown();
    for (const field of ['HF1', 'HF2', 'HF3', 'HF4'] as const) {
      const goals = s.goals.filter((g) => g.actionFieldId === field);
      const justification = s.justifications.find((j) => j.actionFieldId === field);
      if (goals.length === 0 && !justification) continue;
      doc.font('Helvetica-Bold').fontSize(13).text(`Handlungsfeld ${field.slice(2)}: ${ACTION_FIELD_NAMES[field]}`);
      doc.font('Helvetica').fontSize(10);
      if (goals.length === 0 && justification) doc.text(`Begründung: ${justification.text}`);
      for (const g of goals) {
        doc.moveDown(0.4).font('Helvetica-Bold').text(`Ziel: ${g.title}`).font('Helvetica');
        doc.text(`Indikator: ${g.indicator}; Ausgangswert: ${g.baseline ?? '—'}; Zielwert: ${g.targetValue} bis ${germanDate(g.targetDate)}`);
        if (g.targetGroups.length) doc.text(`Zielgruppen: ${g.targetGroups.join(', ')}`);
        for (const m of g.measures) {
          doc.moveDown(0.2).text(`Maßnahme: ${m.title} (${m.kind})`, { indent: 14 });
          doc.text(`Verantwortlich: ${org(m.ownerOrganisationId)}; Zeitraum: ${m.start ? germanDate(m.start) : '—'} bis ${m.end ? germanDate(m.end) : '—'}; Status: ${m.status}`, { indent: 14 });
          if (m.cost !== null) doc.text(`Kosten: ${euro(m.cost)}`, { indent: 14 });
        }
      }
      doc.moveDown();
    }
    doc.font('Helvetica-Bold').fontSize(13).text('Unterschriften');
    doc.font('Helvetica').fontSize(10);
    if (v.signatures.length === 0) doc.text('Noch keine Unterschriften.');
    for (const sig of v.signatures) doc.text(`${SIGNATORY_NAMES[sig.role] ?? sig.role}: ${sig.organisationName}, unterzeichnet am ${germanDate(sig.at)}`);
    doc.moveDown();
    doc.fontSize(8).text(`Inhaltsprüfsumme (SHA-256): ${v.contentHash}`);
  });
}

/** Zertifikat with number, quarter, partners, validity and the verification code. */
export function certificatePdf(c: CertificateDto, verifyUrl: string): Promise<Buffer> {
  return render(`Zertifikat ${c.number}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(24).text('Zertifikat', { align: 'center' });
    doc.font('Helvetica').fontSize(13).text('Generationengerechtes Wohnen im Quartier', { align: 'center' });
    doc.moveDown(2).fontSize(12);
    doc.text(`Das Quartier „${c.quarterName}“ hat die Entwicklungsphase erfolgreich abgeschlossen.`, { align: 'center' });
    doc.moveDown();
    doc.text(`Partner: ${c.partners.join(', ')}`, { align: 'center' });
    doc.moveDown(2);
    doc.text(`Zertifikatsnummer: ${c.number}`);
    doc.text(`Ausgestellt am: ${germanDate(c.issuedAt)}`);
    doc.text(`Gültig bis: ${germanDate(c.validUntil)}`);
    doc.text(`Prüfcode: ${c.verificationCode}`);
    doc.moveDown();
    doc.fontSize(10).text(`Echtheit prüfen: ${verifyUrl}`);
  });
}

const REPORT_STATUS_NAMES: Record<string, string> = {
  draft: 'Entwurf',
  submitted: 'eingereicht',
  accepted: 'von der Programmstelle angenommen',
  returned: 'zur Überarbeitung zurückgegeben',
};

/** Jahresbericht: status of every measure of the agreement, indicators, changes with reasons, free text. */
export function annualReportPdf(r: AnnualReportDto, snapshot: AgreementSnapshot): Promise<Buffer> {
  const goalOf = new Map(snapshot.goals.flatMap((g) => g.measures.map((m) => [m.id, g.title] as const)));
  const goalTitle = new Map(snapshot.goals.map((g) => [g.id, g.title] as const));
  return render(`Jahresbericht ${r.year} ${snapshot.quarterName}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(`Jahresbericht ${r.year}`);
    doc.font('Helvetica').fontSize(11).text('Generationengerechtes Wohnen im Quartier – Umsetzungsphase');
    doc.moveDown();
    doc.text(`Quartier: ${snapshot.quarterName}`);
    doc.text(`Berichtsjahr: ${r.year} von 3`);
    doc.text(`Grundlage: Zielvereinbarung Version ${r.versionNumber}`);
    doc.text(`Status: ${REPORT_STATUS_NAMES[r.status] ?? r.status}${r.submittedAt ? `, eingereicht am ${germanDate(r.submittedAt)}` : ''}`);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(13).text('Stand der Maßnahmen');
    doc.font('Helvetica').fontSize(10);
    for (const m of r.measures) {
      doc.text(`Maßnahme: ${m.title} – Status: ${m.status}`);
      const goal = goalOf.get(m.measureId);
      if (goal) doc.text(`Ziel: ${goal}`, { indent: 14 });
      if (m.note) doc.text(`Anmerkung: ${m.note}`, { indent: 14 });
    }
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(13).text('Indikatoren');
    doc.font('Helvetica').fontSize(10);
    if (r.indicators.length === 0) doc.text('Keine aktualisierten Indikatoren.');
    for (const i of r.indicators) doc.text(`${i.key}: ${i.value}${i.goalId && goalTitle.has(i.goalId) ? ` (Ziel: ${goalTitle.get(i.goalId)})` : ''}`);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(13).text('Änderungen');
    doc.font('Helvetica').fontSize(10);
    if (r.changes.length === 0) doc.text('Keine Änderungen.');
    for (const c of r.changes) {
      doc.text(`Änderung: ${c.description}`);
      doc.text(`Begründung: ${c.reason}`, { indent: 14 });
    }
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(13).text('Bericht');
    doc.font('Helvetica').fontSize(10).text(r.text.trim() === '' ? '—' : r.text);
    if (r.reviewedAt) {
      doc.moveDown();
      doc.font('Helvetica-Bold').fontSize(13).text('Prüfung durch die Programmstelle');
      doc.font('Helvetica').fontSize(10).text(`${REPORT_STATUS_NAMES[r.status] ?? r.status} am ${germanDate(r.reviewedAt)}`);
      if (r.remarks) doc.text(`Anmerkungen: ${r.remarks}`);
    }
  });
}
