/**
 * CSV injection (OWASP): a spreadsheet program reads a cell that starts with =, +, -, @, a tab
 * or a carriage return as a formula, so text a user once typed (an indicator's source, a
 * reason, a quarter's name) could run when an export is opened. Every CSV and XLSX export
 * puts an apostrophe in front of such text; numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Plain numbers (`-5`, `+1.5`, `-1,25`) are no formula: a spreadsheet reads them as the number they are. */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Whether a spreadsheet would read this text as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** Text as an export writes it: with an apostrophe in front when it would be read as a formula. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
