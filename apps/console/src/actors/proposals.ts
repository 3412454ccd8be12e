/** The proposals of the multiline field of the participation record: one per line, blank lines left out. */
export const proposalsOf = (text: string): Array<{ text: string }> =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line }));

/**
 * The field messages of single proposals (`proposals.0.text`) and of the list (`proposals`),
 * for the one field that holds them all: a proposal's message names its line.
 */
export const proposalErrorsOf = (errors: Record<string, string>): string =>
  Object.entries(errors)
    .filter(([key]) => key === 'proposals' || key.startsWith('proposals.'))
    .map(([key, message]) => (key === 'proposals' ? message : `${Number(key.split('.')[1]) + 1}: ${message}`))
    .join('; ');
