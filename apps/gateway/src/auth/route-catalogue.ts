import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { POLICY_KEY, PUBLIC_KEY, type PolicyOptions } from './policy';

export interface RouteInfo {
  /** `GET`, `POST`, ... */
  method: string;
  /** Express path with the global prefix, e.g. `/api/quarters/:id`. */
  path: string;
  /** `Controller.method`, to name the culprit when a route has no policy. */
  handler: string;
  public: boolean;
  policy?: PolicyOptions;
}

export interface RouteCatalogue {
  /** Every HTTP route the controllers declare, with its access declaration. */
  routes: RouteInfo[];
  /** Routes the HTTP server answers, as its router lists them (controllers and anything else, e.g. the API docs). */
  served: Array<{ method: string; path: string }>;
}

const join = (...parts: string[]): string => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
const paths = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [v === undefined ? '' : String(v)]);

/**
 * The routes of the running application, from the application itself: the controllers'
 * metadata (with each route's policy) and the HTTP server's router (what is actually
 * served). The route test runs every one of them for every role, so no route escapes it.
 * Call after `app.init()`.
 */
export function routeCatalogue(app: INestApplication, globalPrefix: string): RouteCatalogue {
  const discovery = app.get(DiscoveryService, { strict: false });
  const scanner = app.get(MetadataScanner, { strict: false }) ?? new MetadataScanner();
  const reflector = app.get(Reflector, { strict: false });
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const metatype = wrapper.metatype as (abstract new (...args: never[]) => unknown) | undefined;
    if (!metatype || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (method === undefined || methodPath === undefined) continue;
      const isPublic = Boolean(reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, metatype]));
      const policy = reflector.getAllAndOverride<PolicyOptions | undefined>(POLICY_KEY, [handler, metatype]);
      for (const base of paths(Reflect.getMetadata(PATH_METADATA, metatype))) {
        for (const sub of paths(methodPath)) {
          routes.push({ method: RequestMethod[method], path: join(globalPrefix, base, sub), handler: `${metatype.name}.${name}`, public: isPublic, policy });
        }
      }
    }
  }
  const router = (app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] } }).router;
  const served = (router?.stack ?? [])
    .filter((l) => l.route)
    .flatMap((l) => Object.keys(l.route!.methods).map((m) => ({ method: m.toUpperCase(), path: String(l.route!.path) })))
    .filter((r) => r.method !== '_ALL');
  return { routes, served };
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
