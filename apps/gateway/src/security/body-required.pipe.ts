import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { problem } from '@genq/service-kit';

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Array, Object, undefined]);

/**
 * A route that reads its body (`@Body()`) gets one: a request without a body is answered
 * with 400 'request.body_missing' instead of reaching a service with nothing (which answered
 * 503 on POST /api/catalogues). A route whose body class is valid when empty (every field
 * optional) still takes a request without a body. Runs before the validation pipe.
 */
@Injectable()
export class BodyRequiredPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' || metadata.data !== undefined || value !== undefined) return value;
    const type = metadata.metatype;
    if (type && !PRIMITIVES.has(type) && acceptsEmpty(type)) return value;
    throw problem('request.body_missing');
  }
}

const emptyAccepted = new WeakMap<object, boolean>();

function acceptsEmpty(type: new (...args: unknown[]) => unknown): boolean {
  let ok = emptyAccepted.get(type);
  if (ok === undefined) {
    ok = validateSync(plainToInstance(type, {}) as object).length === 0;
    emptyAccepted.set(type, ok);
  }
  return ok;
}
