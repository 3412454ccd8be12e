import { Programme } from './programmes/entities/programme.entity';
import { Quarter } from './quarters/entities/quarter.entity';

/** Every table the actors service owns; no other service reads them. */
export const actorsEntities = [Programme, Quarter];
