import { useSyncExternalStore } from 'react';
import type { ConceptGap } from './types';

/**
 * The gaps the API reported when a submission was last refused, per quarter. The API checks
 * completeness only when a version is submitted (Zielvereinbarung tab); the goals tab shows
 * the same list next to the goals and measures it names.
 */
const byQuarter = new Map<string, ConceptGap[]>();
const listeners = new Set<() => void>();
const EMPTY: ConceptGap[] = [];

export function setGaps(quarterId: string, gaps: ConceptGap[]): void {
  byQuarter.set(quarterId, gaps);
  for (const l of listeners) l();
}

export function useGaps(quarterId: string | undefined): ConceptGap[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (quarterId ? (byQuarter.get(quarterId) ?? EMPTY) : EMPTY),
  );
}
