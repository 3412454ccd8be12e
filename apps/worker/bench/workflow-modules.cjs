'use strict';
/**
 * What one workflow costs the worker in module code: the reusable V8 context of the Temporal
 * SDK keeps a module cache per workflow, so every module the workflow bundle reaches (beyond
 * the SDK's own shared ones) is evaluated once per workflow the worker loads into its cache —
 * on its first task and again on every task after an eviction — and held as long as the
 * workflow is cached.
 *
 * This bundles the workflows as the worker does (with and without the OpenTelemetry workflow
 * interceptors), evaluates each bundle once in a V8 context with the same routing of the
 * module cache as the SDK's `ReusableVMWorkflowCreator` (modules loaded before any workflow are
 * shared, later ones per workflow), then loads the workflow and interceptor modules for N
 * workflows and reports the time per workflow and the heap each one keeps.
 *
 * Usage: node --expose-gc apps/worker/bench/workflow-modules.cjs [N]   (needs the packages built)
 */
const vm = require('node:vm');
const { bundleWorkflowCode } = require('@temporalio/worker');

const N = Number(process.argv[2] ?? 300);
const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

function measure(code) {
  let current = null;
  const shared = new Map();
  const cache = new Proxy({}, { get: (_, p) => shared.get(p) ?? current?.get(p), set: (_, p, v) => ((current ?? shared).set(p, v), true) });
  const context = vm.createContext({ console, setTimeout, clearTimeout, TextEncoder, TextDecoder, URL, URLSearchParams, AbortController, performance, WeakRef, FinalizationRegistry, queueMicrotask });
  Object.defineProperty(context, '__webpack_module_cache__', { value: cache });
  vm.runInContext(code, context);
  const keep = [];
  global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    current = new Map();
    context.__TEMPORAL__.importWorkflows();
    context.__TEMPORAL__.importInterceptors();
    keep.push(current);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / N;
  const perWorkflow = new Set(keep[0].keys()).size;
  current = null;
  global.gc();
  const kb = (process.memoryUsage().heapUsed - heapBefore) / N / 1024;
  return { modulesPerWorkflow: perWorkflow, sharedModules: shared.size, msPerWorkflow: Math.round(ms * 100) / 100, keptKBPerWorkflow: Math.round(kb), bundleKB: Math.round(code.length / 1024) };
}

async function main() {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
  const workflowsPath = require.resolve('@genq/workflows');
  const otel = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');
  const rows = {};
  for (const [name, workflowInterceptorModules] of [
    ['without workflow tracing (no OTLP endpoint)', []],
    ['with OpenTelemetry workflow interceptors (OTLP endpoint set)', [otel]],
  ]) {
    const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: quiet });
    rows[name] = measure(code);
  }
  console.log(JSON.stringify({ workflows: N, node: process.version, rows }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
