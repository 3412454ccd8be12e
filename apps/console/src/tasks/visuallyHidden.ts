/**
 * Read by screen readers, not shown (MUI's visuallyHidden, without another dependency). Sizes
 * as strings: in `sx` a bare 1 is 100 % and a bare -1 a spacing unit, which made the hidden text
 * as wide as its box and the page scroll sideways.
 */
export const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0, padding: 0, margin: '-1px' } as const;
