import type { IncomingMessage } from 'node:http';

/**
 * How deep and how large a JSON body may be. A body nested thousands of levels deep overflowed
 * the stack of validation and transformation (a 500), and one nested hundreds of levels was
 * stored as it was: both are refused before the body is parsed. No legitimate request comes
 * near these limits: the deepest is a GeoJSON MultiPolygon boundary (6 levels with the body
 * itself), the largest an indicator upsert of 5,000 values of a few fields each.
 */
export const JSON_LIMITS = { maxDepth: 32, maxKeys: 50_000 } as const;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const COLON = 0x3a; // :

/**
 * Whether JSON text stays within the limits: the nesting depth of objects and arrays, and the
 * number of object members in all. It reads the text once without parsing it (malformed text
 * is left to the parser), and stops at the first excess.
 */
export function withinJsonLimits(text: string | Uint8Array, limits: { maxDepth: number; maxKeys: number } = JSON_LIMITS): boolean {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = typeof text === 'string' ? text.charCodeAt(i) : (text[i] as number);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limits.maxDepth) return false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
    // Outside strings a colon only separates an object member's name from its value.
    else if (c === COLON && ++keys > limits.maxKeys) return false;
  }
  return true;
}

/** The error the JSON body parser's `verify` raises; ./body-errors answers it as 'request.body_too_complex'. */
export class BodyTooComplexError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.complex';
  constructor() {
    super('request body nested too deeply or with too many members');
  }
}

/** body-parser `verify`: runs on the raw bytes before JSON.parse. */
export function verifyJsonLimits(_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string | null): void {
  // UTF-8 (nearly every body): the structural characters are single bytes that never occur
  // inside a multi-byte sequence, so the raw bytes are scanned without decoding them twice.
  if (encoding === null || /^utf-?8$/i.test(encoding)) {
    if (!withinJsonLimits(buf)) throw new BodyTooComplexError();
    return;
  }
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(buf);
  } catch {
    return; // an unknown charset is refused by the parser itself
  }
  if (!withinJsonLimits(text)) throw new BodyTooComplexError();
}
