/**
 * @packageDocumentation
 * The gateway as a library, for cross-process tests: build the application and list its
 * routes with their access policies. The process entry point is `main.ts`.
 */
export { createGateway, GLOBAL_PREFIX } from './bootstrap';
export { closedPort, createDetachedGateway } from './detached';
export { readGatewayConfig, type GatewayConfig } from './config';
export { routeCatalogue, type RouteCatalogue, type RouteInfo } from './auth/route-catalogue';
export { ALL_ROLES, Policy, Public, type PolicyOptions, type ScopeRef } from './auth/policy';
export { CurrentActor, CurrentPrincipal, actorOf } from './auth/current-actor';
