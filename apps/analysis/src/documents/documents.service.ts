import { Injectable } from '@nestjs/common';
import type { AnalysisPdfQuery, PdfDocument } from '@genq/contracts';
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
    const all = { quarterId: q.quarterId, range: { start: 0, end: 4999 } };
    const [catalogue, values, ratings] = await Promise.all([
      this.catalogues.get(profile.analysis.catalogueVersionId),
      this.analyses.listIndicatorValues(all),
      this.analyses.listRatings(all),
    ]);
    return { quarterName: q.quarterName || 'Quartier', catalogue, profile, values: values.data, ratings: ratings.data, at };
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
