import { Injectable } from '@nestjs/common';
import type { AnalysisPdfQuery, Page, PdfDocument } from '@genq/contracts';

const PAGE = 500;
import { AnalysesService } from '../analyses/analyses.service';
import { CataloguesService } from '../catalogues/catalogues.service';
import { analysisSummaryPdf, profilePdf, type AnalysisDocumentInput } from './analysis-pdfs';

/** The analysis's documents as PDF: the Quartiersanalyse summary and the Stärken-Schwächen-Profil. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly analyses: AnalysesService,
    private readonly catalogues: CataloguesService,
  ) {}

  private async input(q: AnalysisPdfQuery, at: Date): Promise<AnalysisDocumentInput> {
    const profile = await this.analyses.profile(q.quarterId);
    const [catalogue, values, ratings] = await Promise.all([
      this.catalogues.get(profile.analysis.catalogueVersionId),
      everyPage((range) => this.analyses.listIndicatorValues({ quarterId: q.quarterId, range })),
      everyPage((range) => this.analyses.listRatings({ quarterId: q.quarterId, range })),
    ]);
    return { quarterName: q.quarterName || 'Quartier', catalogue, profile, values, ratings, at };
  }

  async summary(q: AnalysisPdfQuery, at = new Date()): Promise<PdfDocument> {
    const pdf = await analysisSummaryPdf(await this.input(q, at));
    return { filename: `quartiersanalyse-${at.toISOString().slice(0, 10)}.pdf`, content: pdf.toString('base64') };
  }

  async profile(q: AnalysisPdfQuery, at = new Date()): Promise<PdfDocument> {
    const pdf = await profilePdf(await this.input(q, at));
    return { filename: `staerken-schwaechen-profil-${at.toISOString().slice(0, 10)}.pdf`, content: pdf.toString('base64') };
  }
}

/** Every row of a list, a page (at most 500 rows, the lists' limit) at a time. */
async function everyPage<T>(page: (range: { start: number; end: number }) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const next = await page({ start: rows.length, end: rows.length + PAGE - 1 });
    rows.push(...next.data);
    if (next.data.length === 0 || rows.length >= next.total) return rows;
  }
}
