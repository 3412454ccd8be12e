/**
 * Read by screen readers, not shown (MUI's visuallyHidden, without another dependency). The
 * sizes are CSS strings: in `sx` a bare 1 means 100%, which stretched the span to the width
 * of the page and let "Meine Aufgaben" scroll sideways at 1280 px.
 */
export const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0, padding: 0, margin: '-1px' } as const;
