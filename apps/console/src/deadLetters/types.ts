import type { DeadLetterDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';

/** `DeadLetterDto` of `@genq/contracts`, as `GET /api/dead-letters` lists it. */
export interface DeadLetterRecord extends RaRecord<string>, DeadLetterDto {}
