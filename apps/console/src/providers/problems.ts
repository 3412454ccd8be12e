import { problemMessage, sayFieldProblem, sayFieldProblemNamed, type FieldProblem, type Locale, type ProblemParams } from '@genq/contracts';

/**
 * The API answers every error as application/problem+json with a stable `code` and its
 * `params` (RFC 9457, see @genq/contracts problems). The console says the code in its own
 * language from the same catalogue the gateway uses, never by reading a sentence; only a
 * refusal without a code of its own yet (`legacy.*`), or a code this build does not know,
 * shows the server's `detail` (which the gateway said in the language the console asked for).
 */
export interface ProblemBody {
  type?: string;
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
  params?: ProblemParams;
  errors?: Array<Partial<FieldProblem> & { field: string; code: string }>;
  requestId?: string;
}

export const asLocale = (locale: string | undefined): Locale => (locale === 'en' ? 'en' : 'de');

const isProblemBody = (body: unknown): body is ProblemBody =>
  !!body && typeof body === 'object' && typeof (body as ProblemBody).code === 'string';

/** A problem's message in the locale; the server's `detail` for legacy codes and codes unknown here. */
export function problemText(body: ProblemBody, locale: Locale): string | undefined {
  const code = body.code ?? '';
  if (!code.startsWith('legacy.')) {
    const said = problemMessage(code, body.params, locale);
    if (said !== undefined) return said;
  }
  return body.detail ?? body.title;
}

/**
 * The field problems of a 400 as the field tree react-admin's forms read (`errors.boundary.type`,
 * `errors.proposals.2.text`): nested by the dotted field. Two problems of one field are joined.
 */
export function fieldTree(errors: ProblemBody['errors'], locale: Locale): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const problem of errors ?? []) {
    const path = problem.field.split('.').filter((p) => p !== '');
    if (path.length === 0) continue;
    let node = tree;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (next && typeof next === 'object') node = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        node[part] = created;
        node = created;
      }
    }
    const leaf = path[path.length - 1] as string;
    const text = sayFieldProblem(problem, locale);
    const existing = node[leaf];
    node[leaf] = typeof existing === 'string' ? `${existing} ${text}` : text;
  }
  return tree;
}

/**
 * The body of a problem+json answer said in the user's language, for the HttpError the console
 * passes on (null for any other body): `message` is the problem's message (callers that show a
 * refusal read it; an invalid request's names each field by its label), `errors` the field tree of its field problems (react-admin shows them
 * beside the inputs), and `problems` the field problems as the API listed them, each with its
 * message. The code and parameters stay in `code` and `params` for callers that decide on them.
 */
export function sayProblem(body: unknown, locale: string): { message: string; body: Record<string, unknown> } | null {
  if (!isProblemBody(body)) return null;
  const lang = asLocale(locale);
  const refusal = problemText(body, lang) ?? body.code ?? '';
  // An invalid request says its field problems too, each naming its field by the label a person
  // reads in the form (never its key): a notification is read away from the inputs, and a
  // field the form does not show would otherwise go unsaid.
  const named = body.code === 'request.invalid' ? (body.errors ?? []).map((e) => sayFieldProblemNamed(e, lang)) : [];
  const message = [refusal, ...named].join(' ');
  const problems = (body.errors ?? []).map((e) => ({ ...e, message: sayFieldProblem(e, lang) }));
  return {
    message,
    body: { ...body, message, ...(body.errors ? { errors: fieldTree(body.errors, lang), problems } : {}) },
  };
}
