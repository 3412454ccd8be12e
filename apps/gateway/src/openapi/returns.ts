import { ApiExtension } from '@nestjs/swagger';
import type { ResponseName, ResponseTypes } from './response-types';

/** The operation extension that {@link buildOpenApiDocument} turns into the success responses' content. */
export const RETURNS_EXTENSION = 'x-genq-returns';

export interface ReturnsSpec {
  /** A schema of components.schemas (one of {@link ResponseTypes}). */
  schema?: ResponseName;
  /** The body is a JSON array of `schema` (react-admin lists: the total is in Content-Range). */
  list?: boolean;
  /** The list reads react-admin's `filter`, `sort` and `range` query parameters (default for a list). */
  listQuery?: boolean;
  /** A file instead of JSON: its media type. */
  file?: string;
  /** 204 while there is nothing yet (the handler answers undefined). */
  optional?: boolean;
  /** Error statuses whose body is this schema too, not a problem (health's 503 names what is down). */
  alsoOn?: number[];
}

type Handler<T> = (...args: never[]) => T | Promise<T>;
type HandlerDecorator<T> = <F extends Handler<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>) => void;

function returns<T>(spec: ReturnsSpec): HandlerDecorator<T> {
  return (target, key, descriptor) => {
    ApiExtension(RETURNS_EXTENSION, spec)(target, key, descriptor);
  };
}

/**
 * The JSON body of the route's success responses: the schema generated from `ResponseTypes[name]`.
 * The compiler checks that the handler returns that type, so document and code agree.
 */
export const Returns = <K extends ResponseName>(schema: K, options: { alsoOn?: number[] } = {}): HandlerDecorator<ResponseTypes[K]> => returns({ schema, ...options });

/**
 * A JSON array of `ResponseTypes[name]` (list routes, total in Content-Range), read with the
 * `filter`, `sort` and `range` query parameters unless `listQuery` is false (a fixed list).
 */
export const ReturnsList = <K extends ResponseName>(schema: K, options: { listQuery?: boolean } = {}): HandlerDecorator<Array<ResponseTypes[K]>> =>
  returns({ schema, list: true, listQuery: options.listQuery ?? true });

/** `ResponseTypes[name]`, or 204 while there is none yet. */
export const ReturnsOptional = <K extends ResponseName>(schema: K): HandlerDecorator<ResponseTypes[K] | undefined> => returns({ schema, optional: true });

/** A file download (PDF, CSV, workbook) of this media type. */
export const ReturnsFile = (mediaType: string): HandlerDecorator<unknown> => returns({ file: mediaType });

/** No body: 204 (logout, delete), or the answer is empty by design. */
export const ReturnsNothing = (): HandlerDecorator<void | undefined> => returns({});
