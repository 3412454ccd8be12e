import { CatalogueVersion } from './catalogues/entities/catalogue-version.entity';

/** Every table the analysis service owns; no other service reads them. */
export const analysisEntities = [CatalogueVersion];
