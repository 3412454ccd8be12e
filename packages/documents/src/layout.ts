import PDFDocument from 'pdfkit';

/**
 * The layout every GenQ document shares: A4, margins of 2 cm, pdfkit's built-in Helvetica
 * (WinAnsi covers ä, ö, ü, ß, „“ and €), a title block, sections, label–value lines and
 * charts drawn as vectors, so a reader's copy and paste (and the tests) get the text.
 */
export type Doc = PDFKit.PDFDocument;

export const PRODUCT = 'GenQ – Generationengerechtes Wohnen im Quartier';
const MARGIN = 56;

/** Renders one document; `title` becomes the PDF's title in its properties. */
export function renderDocument(title: string, draw: (doc: Doc) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Author: PRODUCT } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
    } catch (err) {
      reject(err);
      return;
    }
    doc.end();
  });
}

/**
 * A date as a German reader files it (TT.MM.JJJJ): a calendar day (YYYY-MM-DD) as it is, an
 * instant (a certificate's validity, a signature) as the day it is in Germany, not in UTC,
 * which differs late in the evening.
 */
export const germanDate = (iso: string): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}.${m}.${y}`;
  }
  return new Date(iso).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
};

/** A day or an absent one (—). */
export const germanDateOr = (iso: string | null | undefined): string => (iso ? germanDate(iso) : '—');

/** A number the German way (1.234,5), with at most `digits` decimals. */
export const germanNumber = (n: number, digits = 2): string => n.toLocaleString('de-DE', { maximumFractionDigits: digits });

export const euro = (n: number): string => `${n.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

/** Starts a new page when fewer than `height` points are left above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** The title block: the document's name, the programme line, then label–value lines. */
export function titleBlock(doc: Doc, title: string, lines: Array<[string, string]>, subtitle = 'Generationengerechtes Wohnen im Quartier'): void {
  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc.font('Helvetica').fontSize(11).text(subtitle);
  doc.moveDown();
  for (const [label, value] of lines) doc.text(`${label}: ${value}`);
  doc.moveDown();
}

/** A section heading (13 pt bold), the body text after it in 10 pt. */
export function section(doc: Doc, heading: string): void {
  ensureSpace(doc, 60);
  if (doc.y > doc.page.margins.top + 1) doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(13).text(heading, doc.page.margins.left);
  doc.font('Helvetica').fontSize(10);
}

/** A bold line inside a section. */
export function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).text(text, doc.page.margins.left).font('Helvetica');
}

/** `Label: value`, optionally indented. */
export function field(doc: Doc, label: string, value: string, indent = 0): void {
  doc.text(`${label}: ${value}`, doc.page.margins.left, undefined, { indent });
}

export function paragraph(doc: Doc, text: string, indent = 0): void {
  doc.text(text, doc.page.margins.left, undefined, { indent });
}

/** The small print at the end: when the document was made, from which data. */
export function footnote(doc: Doc, text: string): void {
  doc.moveDown();
  ensureSpace(doc, 30);
  doc.fontSize(8).fillColor('#444444').text(text, doc.page.margins.left).fillColor('black').fontSize(10);
}

/** Colours of the charts' series, told apart in grey print too. */
export const SERIES_COLOURS = ['#1f5f99', '#e08a1e', '#3a9a5b', '#b8403a', '#7a5aa6', '#6b6b6b'];

export interface BarSegment {
  value: number;
  /** Index into the legend. */
  series: number;
}

export interface BarChartInput {
  caption: string;
  bars: Array<{ label: string; segments: BarSegment[]; text?: string }>;
  /** Names of the series (one for a plain bar chart); shown as a legend when more than one. */
  legend: string[];
  /** The value of a full bar; default: the largest total. */
  max?: number;
  /** Scale labels under the bars (e.g. 0, 1, 2, 3). */
  ticks?: number[];
}

/**
 * Horizontal bars, one per label, stacked by series; the value (or `text`) after the bar,
 * the scale under it, the legend below.
 */
export function barChart(doc: Doc, chart: BarChartInput): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 170;
  const valueWidth = 80;
  const barArea = width - labelWidth - valueWidth - 10;
  const barHeight = 12;
  const total = (b: BarChartInput['bars'][number]) => b.segments.reduce((s, x) => s + x.value, 0);
  const max = chart.max ?? Math.max(1, ...chart.bars.map(total));
  // A long label wraps onto more lines; its row grows with it.
  doc.font('Helvetica').fontSize(9);
  const rowHeights = chart.bars.map((b) => Math.max(barHeight + 6, doc.heightOfString(b.label, { width: labelWidth - 8 }) + 6));
  const height = 24 + rowHeights.reduce((a, b) => a + b, 0) + (chart.ticks ? 14 : 0) + (chart.legend.length > 1 ? 18 : 0);
  ensureSpace(doc, Math.min(height, doc.page.height - doc.page.margins.top - doc.page.margins.bottom));
  doc.font('Helvetica-Bold').fontSize(10).text(chart.caption, left);
  let y = doc.y + 6;
  const x0 = left + labelWidth;
  doc.font('Helvetica').fontSize(9);
  chart.bars.forEach((bar, i) => {
    const rowHeight = rowHeights[i]!;
    if (y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.font('Helvetica').fontSize(9).fillColor('black').text(bar.label, left, y + 3, { width: labelWidth - 8 });
    doc.rect(x0, y + 2, barArea, barHeight).lineWidth(0.5).strokeColor('#cccccc').stroke();
    let x = x0;
    for (const s of bar.segments) {
      const w = max > 0 ? (Math.max(0, s.value) / max) * barArea : 0;
      if (w > 0) doc.rect(x, y + 2, w, barHeight).fillColor(SERIES_COLOURS[s.series % SERIES_COLOURS.length]!).fill();
      x += w;
    }
    doc.fillColor('black').text(bar.text ?? germanNumber(total(bar)), x0 + barArea + 6, y + 3, { width: valueWidth, lineBreak: false });
    y += rowHeight;
  });
  if (chart.ticks) {
    for (const t of chart.ticks) {
      const x = x0 + (t / max) * barArea;
      doc.moveTo(x, y - 2).lineTo(x, y + 1).strokeColor('#888888').stroke();
      doc.fillColor('#444444').text(germanNumber(t), x - 10, y + 2, { width: 20, align: 'center', lineBreak: false });
    }
    y += 14;
  }
  if (chart.legend.length > 1) y = legend(doc, chart.legend, left, y + 2);
  doc.fillColor('black').strokeColor('black').fontSize(10);
  doc.x = left;
  doc.y = y + 8;
}

function legend(doc: Doc, names: string[], left: number, y: number): number {
  let x = left;
  doc.fontSize(8);
  names.forEach((name, i) => {
    const w = doc.widthOfString(name) + 22;
    if (x + w > doc.page.width - doc.page.margins.right) {
      x = left;
      y += 12;
    }
    doc.rect(x, y + 1, 8, 8).fillColor(SERIES_COLOURS[i % SERIES_COLOURS.length]!).fill();
    doc.fillColor('black').text(name, x + 11, y + 1, { lineBreak: false });
    x += w;
  });
  return y + 12;
}

export interface RadarChartInput {
  caption: string;
  /** One axis per label; a value of null (not rated) leaves the axis without a point. */
  axes: Array<{ label: string; values: Array<number | null> }>;
  /** Names of the series (e.g. the quarter, the programme's median). */
  legend: string[];
  max: number;
  /** Rings of the scale, e.g. 1, 2, 3. */
  ticks: number[];
}

/**
 * A radar (spider) chart: one axis per label, rings for the scale with their values, one
 * outline per series through the axes that have a value, each point marked, the legend below.
 */
export function radarChart(doc: Doc, chart: RadarChartInput): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const radius = 115;
  const height = 2 * radius + 90;
  ensureSpace(doc, height);
  doc.font('Helvetica-Bold').fontSize(10).text(chart.caption, left);
  const cx = left + width / 2;
  const cy = doc.y + 30 + radius;
  const n = Math.max(chart.axes.length, 3);
  const point = (i: number, v: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const r = (Math.max(0, Math.min(v, chart.max)) / chart.max) * radius;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  };
  doc.lineWidth(0.5).strokeColor('#bbbbbb');
  for (const t of chart.ticks) {
    const ring = Array.from({ length: n }, (_, i) => point(i, t));
    doc.polygon(...ring).stroke();
    doc.font('Helvetica').fontSize(7).fillColor('#666666').text(germanNumber(t), cx + 2, point(0, t)[1] - 8, { lineBreak: false });
  }
  chart.axes.forEach((axis, i) => {
    const [x, y] = point(i, chart.max);
    doc.moveTo(cx, cy).lineTo(x, y).strokeColor('#bbbbbb').stroke();
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const lx = cx + (radius + 10) * Math.cos(angle);
    const ly = cy + (radius + 10) * Math.sin(angle);
    const labelWidth = 150;
    const align = Math.abs(Math.cos(angle)) < 0.2 ? 'center' : Math.cos(angle) > 0 ? 'left' : 'right';
    const tx = align === 'center' ? lx - labelWidth / 2 : align === 'left' ? lx : lx - labelWidth;
    doc.font('Helvetica').fontSize(8).fillColor('black').text(axis.label, tx, ly + (Math.sin(angle) < -0.5 ? -12 : Math.sin(angle) > 0.5 ? 2 : -4), { width: labelWidth, align });
  });
  chart.legend.forEach((_, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length]!;
    const pts = chart.axes.map((a, i) => (a.values[s] === null || a.values[s] === undefined ? null : point(i, a.values[s]!))).filter((p): p is [number, number] => p !== null);
    doc.lineWidth(1.5).strokeColor(colour);
    if (pts.length >= 3) doc.polygon(...pts).stroke();
    else if (pts.length === 2) doc.moveTo(...pts[0]!).lineTo(...pts[1]!).stroke();
    for (const [x, y] of pts) doc.circle(x, y, 2.5).fillColor(colour).fill();
  });
  const after = legend(doc, chart.legend, left, cy + radius + 30);
  doc.lineWidth(1).fillColor('black').strokeColor('black').font('Helvetica').fontSize(10);
  doc.x = left;
  doc.y = after + 8;
}
