/**
 * CSV injection (OWASP): text that starts with =, +, -, @, a tab or a carriage return is read
 * as a formula by spreadsheet programs, so every export puts an apostrophe in front of it;
 * plain numbers (`-5`, `+1,5`) stay as they are. The same rule as `neutraliseFormula` of
 * @genq/contracts, which the gateway's and the services' exports use: the console takes
 * nothing at runtime from that package (its lint rule), so the rule is restated here and
 * ./csv.spec.ts holds it to the same cases.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
}
