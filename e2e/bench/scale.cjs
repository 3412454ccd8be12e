#!/usr/bin/env node
'use strict';
/**
 * The scale benchmark (`npm run bench:scale`, issue 16). A benchmark, not a test: it prints
 * figures and writes them as JSON; nothing here passes or fails on a time.
 *
 * Mode `full` (default): starts the whole stack on free ports (infra/lib/stack.cjs, the same
 * start-up as `npm start`), creates N quarters through the public API (12 requests in flight,
 * deterministic spread over Länder, Kreise, municipalities, housing companies, programmes,
 * phases, steps and start dates, so some are overdue and stalled), waits until the read model
 * holds every one, and then measures in one run:
 * - `GET /api/dashboard` (with and without its facets, and the facets alone) and the stalled / overdue / next-due pages of 25 (`GET /api/quarters`);
 * - the same questions asked of Temporal visibility through the client (connection made
 *   before the clock starts): the dashboard's counts, and the pages of 25 unsorted and sorted
 *   (visibility on SQLite cannot sort: every match is listed and sorted here);
 * - creation rate and latency (`POST /api/quarters`, 12 in flight);
 * - a batch intervention over (up to) 1,000 quarters: time until every result is in, and the
 *   cost of one poll of `GET /api/interventions/batches/:id` (a page of 25 results);
 * - RSS and CPU of every process (from /proc), idle CPU over a quiet window, disk use.
 *
 * Mode `readmodel`: starts the stack, stops the actors service, fills its read model
 * (the `quarters` table of actors.sqlite) directly to N rows (default 100,000) — no
 * workflows, no events, only the rows the dashboard reads — starts the service again and
 * measures the dashboard and the pages there.
 *
 * Mode `import`: starts the stack and admits N quarters (default 1,000) in one
 * `POST /api/quarters/import` (CSV), then measures the answer's time and the time until every
 * quarter's lifecycle workflow has started and projected its phase into the read model (the
 * process starter's work), with the CPU every process spent on it.
 *
 * `--profile production` runs the modes `full` and `import` on the production profile instead
 * (infra/lib/production.cjs: the Temporal server on PostgreSQL with SQL visibility, PostgreSQL
 * for every service, a three-node NATS cluster, two replicas of each service and two workers).
 *
 * Usage: node e2e/bench/scale.cjs [--quarters N] [--mode full|readmodel|import] [--batch M]
 *        [--profile embedded|production] [--samples K] [--out file.json] [--data-dir dir] [--keep]
 * Needs the apps built (`npx turbo run build`).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '../..');
const { startStack, freeStackPorts } = require(path.join(ROOT, 'infra/lib/stack.cjs'));
const { startProductionStack } = require(path.join(ROOT, 'infra/lib/production.cjs'));
const { signIn } = require(path.join(ROOT, 'infra/lib/seed.cjs'));
const { bootstrapAdmin } = require(path.join(ROOT, 'infra/lib/demo.cjs'));

const CATALOGUE = path.join(ROOT, 'apps', 'analysis', 'seed', 'catalogue-genq-default-1.0.0.json');
const IN_FLIGHT = 12;
const PAGE = 25;
const UPCOMING_DAYS = 30;

// ---- arguments -------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { mode: 'full', profile: 'embedded', quarters: undefined, batch: 1000, samples: 60, out: undefined, dataDir: undefined, keep: false, idleSeconds: 20 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--mode') o.mode = next();
    else if (a === '--profile') o.profile = next();
    else if (a === '--quarters') o.quarters = Number(next());
    else if (a === '--batch') o.batch = Number(next());
    else if (a === '--samples') o.samples = Number(next());
    else if (a === '--out') o.out = next();
    else if (a === '--data-dir') o.dataDir = next();
    else if (a === '--idle-seconds') o.idleSeconds = Number(next());
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!['full', 'readmodel', 'import'].includes(o.mode)) throw new Error(`--mode must be full, readmodel or import, got ${o.mode}`);
  if (!['embedded', 'production'].includes(o.profile)) throw new Error(`--profile must be embedded or production, got ${o.profile}`);
  if (o.profile === 'production' && o.mode === 'readmodel') throw new Error('--mode readmodel writes actors.sqlite: it runs on the embedded profile only');
  o.quarters ??= { full: 10_000, readmodel: 100_000, import: 1_000 }[o.mode];
  if (!Number.isInteger(o.quarters) || o.quarters < 1) throw new Error('--quarters must be a positive whole number');
  return o;
}

// ---- the data: deterministic spread -----------------------------------------------------

const LAENDER = [
  'Baden-Württemberg', 'Bayern', 'Berlin', 'Brandenburg', 'Bremen', 'Hamburg', 'Hessen', 'Mecklenburg-Vorpommern',
  'Niedersachsen', 'Nordrhein-Westfalen', 'Rheinland-Pfalz', 'Saarland', 'Sachsen', 'Sachsen-Anhalt', 'Schleswig-Holstein', 'Thüringen',
];
const DEV_STEPS = ['kickoff', 'analysis', 'strategy_workshop', 'participation', 'goals_workshop', 'decision_and_signing', 'review_and_certification'];

/** A small deterministic generator (mulberry32), so every run makes the same quarters. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The programmes: as many as make one of them hold `batch` quarters (the batch's filter is
 * that programme), at least one.
 */
function programmesFor(quarters, batch) {
  const count = Math.max(1, Math.floor(quarters / Math.max(1, batch)));
  return Array.from({ length: count }, (_, i) => ({ id: `bench-${String(i + 1).padStart(2, '0')}`, name: `Benchmark-Programm ${i + 1}` }));
}

/** Quarter i: Land, Kreis (40 per Land), municipality (5 per Kreis), company (300), programme, start position and date. */
function quarterSpec(i, programmes, now) {
  const r = random(i + 1);
  const land = LAENDER[i % LAENDER.length];
  const k = Math.floor(r() * 40);
  const m = Math.floor(r() * 5);
  const step = Math.floor(r() * (DEV_STEPS.length + 1));
  const startAt = step === DEV_STEPS.length ? { phase: 'implementation' } : { phase: 'development', stepKey: DEV_STEPS[step] };
  // 0..18 months ago: recent ones are on time, older ones overdue on their step (some stalled).
  const monthsAgo = Math.floor(r() * 19);
  const startedAt = new Date(now.getTime() - Math.floor(r() * 28) * 86_400_000 - 3_600_000);
  startedAt.setUTCMonth(startedAt.getUTCMonth() - monthsAgo);
  return {
    programmeId: programmes[i % programmes.length].id,
    name: `Bench-Quartier ${i + 1}`,
    land,
    kreis: `Kreis ${land.slice(0, 3)}-${k + 1}`,
    municipality: `Gemeinde ${land.slice(0, 3)}-${k + 1}-${m + 1}`,
    housingCompany: `Wohnungsgesellschaft ${1 + Math.floor(r() * 300)}`,
    startedAt: startedAt.toISOString(),
    startAt,
  };
}

// ---- measuring --------------------------------------------------------------------------

const ms = (x) => Math.round(x * 100) / 100;
function stats(values) {
  if (values.length === 0) return { n: 0 };
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, min: ms(s[0]), p50: ms(at(50)), p95: ms(at(95)), max: ms(s[s.length - 1]), mean: ms(s.reduce((a, b) => a + b, 0) / s.length) };
}

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** Repeats a call (after two unmeasured warm-ups) and returns its latency figures. */
async function sample(times, fn) {
  await fn();
  await fn();
  const out = [];
  for (let i = 0; i < times; i++) out.push((await timed(fn)).ms);
  return stats(out);
}

async function pool(items, inFlight, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

const CLK_TCK = 100;
/** RSS (bytes) and CPU seconds (user + system) of a process, from /proc. */
function procStat(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime; cutime + cstime: of the children it has waited for (those that ended).
    return { rss, cpu: (Number(fields[11]) + Number(fields[12])) / CLK_TCK, endedChildrenCpu: (Number(fields[13]) + Number(fields[14])) / CLK_TCK };
  } catch {
    return null;
  }
}

/**
 * Every process of the stack by name: the apps' own, the Temporal server's and NATS's found by
 * their data paths. A name may stand for a group (PostgreSQL: the postmaster and its backends,
 * found again at each snapshot since backends come and go).
 */
function stackPids(stack) {
  const pids = {};
  for (const [name, app] of Object.entries(stack.apps)) if (app.child?.pid) pids[name] = app.child.pid;
  const commands = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      commands.push([Number(entry), fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')]);
    } catch {
      // gone meanwhile
    }
  }
  let natsNode = 0;
  for (const [pid, cmd] of commands.sort((a, b) => a[0] - b[0])) {
    if (cmd.includes(path.join(stack.dataDir, 'temporal.sqlite'))) pids.temporal = pid;
    else if (stack.temporal?.process?.pid === pid) pids.temporal = pid;
    else if (cmd.includes('nats-server') && cmd.includes(path.join(stack.dataDir, 'nats'))) {
      natsNode++;
      pids[stack.profile === 'production' ? `nats-${natsNode}` : 'nats'] = pid;
    }
  }
  if (stack.postgres?.dir) {
    const postmaster = Number(fs.readFileSync(path.join(stack.postgres.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    pids.postgres = () => [postmaster, ...childrenOf(postmaster)];
  }
  return pids;
}

function childrenOf(parent) {
  const out = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function snapshot(pids) {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, typeof pid === 'function' ? groupStat(pid()) : procStat(pid)]));
}

/**
 * A group of processes that share memory (PostgreSQL): CPU summed, memory as PSS summed (shared
 * pages counted once). The first is the group's parent: the CPU of the children it has reaped
 * (PostgreSQL's backends come and go with connections) counts too, so the sum never falls.
 */
function groupStat(pids) {
  let rss = 0;
  let cpu = 0;
  for (const [i, pid] of pids.entries()) {
    const one = procStat(pid);
    if (!one) continue;
    cpu += one.cpu + (i === 0 ? one.endedChildrenCpu : 0);
    try {
      rss += Number(/Pss:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      rss += one.rss;
    }
  }
  return { rss, cpu };
}

/** RSS now and CPU used between two snapshots, per process. */
function usage(before, after, seconds) {
  const out = {};
  for (const name of Object.keys(after)) {
    const a = after[name];
    const b = before?.[name];
    if (!a) continue;
    out[name] = { rssMB: Math.round(a.rss / 1048576), cpuSeconds: ms(a.cpu - (b?.cpu ?? 0)), ...(seconds ? { cpuPercent: ms((100 * (a.cpu - (b?.cpu ?? 0))) / seconds) } : {}) };
  }
  return out;
}

function diskUse(stack) {
  const out = {};
  let total = 0;
  const entries = fs.readdirSync(stack.dataDir).map((entry) => [entry, path.join(stack.dataDir, entry)]);
  if (stack.postgres?.dir) entries.push(['postgres', stack.postgres.dir]);
  for (const [entry, p] of entries) {
    const bytes = Number(execFileSync('du', ['-sb', p]).toString().split('\t')[0]);
    out[entry] = Math.round(bytes / 1048576 * 10) / 10;
    total += bytes;
  }
  return { totalMB: Math.round(total / 1048576 * 10) / 10, byEntryMB: out };
}

// ---- the API ----------------------------------------------------------------------------

function query(params) {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');
}

/**
 * A caller signed in as the bootstrap programme admin. It signs in again every ten minutes, so
 * a phase that outlasts the 15-minute access token (the read model catching up with 10,000
 * quarters, a batch on a loaded machine) keeps going.
 */
async function adminCall(stack) {
  const admin = bootstrapAdmin();
  const fresh = () => signIn(stack.gatewayUrl, admin.email, admin.password);
  let call = await fresh();
  let signedInAt = Date.now();
  return async (...args) => {
    if (Date.now() - signedInAt > 10 * 60_000) {
      call = await fresh();
      signedInAt = Date.now();
    }
    return call(...args);
  };
}

async function setUp(stack, programmes) {
  const call = await adminCall(stack);
  const calendar = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8')).defaultCalendar;
  for (const p of programmes) await call('PUT', `/programmes/${p.id}`, { ...p, catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
  return call;
}

/** The questions the console's operators ask of the read model. */
function readModelQuestions(now) {
  const soon = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString();
  return {
    dashboard: '/dashboard',
    // As the console asks since the facets left its dashboard request (it loads them once).
    dashboardWithoutFacets: '/dashboard?facets=false',
    facets: '/dashboard/facets',
    stalledPage: `/quarters?${query({ filter: { stalled: true }, sort: ['stalledSince', 'ASC'], range: [0, PAGE - 1] })}`,
    overduePage: `/quarters?${query({ filter: { overdue: true }, sort: ['overdueSince', 'ASC'], range: [0, PAGE - 1] })}`,
    nextDuePage: `/quarters?${query({ filter: { nextDueAfter: now.toISOString(), nextDueBefore: soon }, sort: ['nextDueAt', 'ASC'], range: [0, PAGE - 1] })}`,
  };
}

async function measureReadModel(call, samples, now) {
  const out = {};
  for (const [name, route] of Object.entries(readModelQuestions(now))) out[name] = await sample(samples, () => call('GET', route));
  return out;
}

/** The same questions of Temporal visibility: counts for the dashboard's figures, pages of 25. */
async function measureVisibility(stack, now, samples) {
  const { Client, Connection } = require('@temporalio/client');
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  const soon = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString();
  const open = `WorkflowType = 'quarterLifecycleWorkflow' AND ExecutionStatus = 'Running'`;
  const counts = {
    total: open,
    stalled: `${open} AND GenqStalled = true`,
    overdue: `${open} AND GenqNextDue < '${now.toISOString()}'`,
    upcoming: `${open} AND GenqNextDue BETWEEN '${now.toISOString()}' AND '${soon}'`,
    'phase=development': `${open} AND GenqPhase = 'development'`,
    'phase=implementation': `${open} AND GenqPhase = 'implementation'`,
    ...Object.fromEntries(DEV_STEPS.map((s) => [`step=${s}`, `${open} AND GenqStep = '${s}'`])),
  };
  const count = async (q) => (await client.workflow.count(q)).count;
  const list = async (q, limit) => {
    const rows = [];
    for await (const w of client.workflow.list({ query: q, pageSize: Math.min(limit ?? 1000, 1000) })) {
      rows.push(w);
      if (limit && rows.length >= limit) break;
    }
    return rows;
  };
  try {
    await count(open);
    const perCount = {};
    const all = [];
    for (const [name, q] of Object.entries(counts)) {
      const s = await sample(Math.max(3, Math.floor(samples / 6)), () => count(q));
      perCount[name] = s;
      all.push(s.p50);
    }
    const dashboardCounts = await sample(3, async () => {
      for (const q of Object.values(counts)) await count(q);
    });
    const stalledPage = await sample(Math.max(3, Math.floor(samples / 6)), () => list(counts.stalled, PAGE));
    // Sorted as the console shows it: every match listed, sorted here by the next due date.
    const sorted = await timed(async () => {
      const rows = await list(counts.stalled);
      const key = (w) => String(w.searchAttributes?.GenqNextDue?.[0] ?? '');
      return rows.sort((a, b) => key(a).localeCompare(key(b))).slice(0, PAGE).length;
    });
    const total = await count(open);
    return {
      openWorkflows: total,
      countQueries: Object.keys(counts).length,
      perCount,
      countP50Range: [Math.min(...all), Math.max(...all)],
      dashboardCounts,
      stalledPageUnsorted: stalledPage,
      stalledPageSortedMs: ms(sorted.ms),
    };
  } finally {
    await connection.close();
  }
}

/**
 * Asking workflows directly (the `processState` query): the first query of a workflow that
 * is not in the worker's cache replays its history (cold), a second one right after is warm.
 * Quarters spread over the whole set, so most are outside a cache smaller than N.
 */
async function measureWorkflowQueries(stack, quarterIds, count) {
  const { Client, Connection } = require('@temporalio/client');
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  try {
    const step = Math.max(1, Math.floor(quarterIds.length / count));
    const picked = quarterIds.filter((_, i) => i % step === 0).slice(0, count);
    const cold = [];
    const warm = [];
    for (const id of picked) {
      const handle = client.workflow.getHandle(`quarter-${id}`);
      cold.push((await timed(() => handle.query('processState'))).ms);
      warm.push((await timed(() => handle.query('processState'))).ms);
    }
    return { queried: picked.length, firstQueryMs: stats(cold), secondQueryMs: stats(warm), allQuartersEstimateSeconds: ms((stats(cold).mean * quarterIds.length) / 1000) };
  } finally {
    await connection.close();
  }
}

async function dashboardOf(call) {
  return (await call('GET', '/dashboard')).body;
}

/**
 * Waits until the dashboard counts every quarter with its projected phase. Should the
 * projection stop short (no progress for `stuckMs`), the run goes on and the JSON says how
 * many were missing, rather than losing every other figure.
 */
async function waitForReadModel(call, quarters, log, stuckMs = 90_000, everyMs = 3000) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const d = await dashboardOf(call);
    const projected = d.byPhase.filter((p) => p.phase !== null).reduce((a, p) => a + p.count, 0);
    if (projected >= quarters) return { dashboard: d, projected, complete: true };
    if (projected !== last) {
      last = projected;
      since = Date.now();
    } else if (Date.now() - since > stuckMs) {
      log(`[bench] read model: ${projected} of ${quarters} quarters projected, no progress for ${stuckMs / 1000} s: going on`);
      return { dashboard: d, projected, complete: false };
    }
    log(`[bench] read model: ${projected} of ${quarters} quarters projected`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function runBatch(call, filter, expected, log) {
  const started = performance.now();
  const { body } = await call('POST', '/interventions/batches', {
    filter,
    intervention: { kind: 'extend_deadline', shiftAll: true, by: 'P7D', reason: 'Benchmark: alle Fristen um eine Woche verschoben' },
  });
  const polls = [];
  let last;
  for (;;) {
    const route = `/interventions/batches/${body.id}?${query({ range: [0, PAGE - 1] })}`;
    const t = performance.now();
    const res = await call('GET', route);
    polls.push({ ms: performance.now() - t, bytes: JSON.stringify(res.body).length });
    last = res.body;
    if (last.finished) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = (performance.now() - started) / 1000;
  // Every per-quarter result, page by page, as a client that wants them all reads them.
  let results = 0;
  const pageSize = 100;
  const pages = await timed(async () => {
    for (let start = 0; start < last.total; start += pageSize) {
      const r = await call('GET', `/interventions/batches/${body.id}?${query({ range: [start, start + pageSize - 1] })}`);
      results += r.body.results.length;
    }
  });
  log(`[bench] batch over ${last.total}: ${seconds.toFixed(1)} s (${last.applied} applied, ${last.refused} refused, ${last.failed} failed)`);
  return {
    quarters: last.total,
    expected,
    seconds: ms(seconds),
    applied: last.applied,
    refused: last.refused,
    failed: last.failed,
    resultsRead: results,
    readAllResultsMs: ms(pages.ms),
    polls: polls.length,
    pollMs: stats(polls.map((p) => p.ms)),
    pollBytes: stats(polls.map((p) => p.bytes)),
  };
}

// ---- the modes --------------------------------------------------------------------------

async function full(o, stack, log) {
  const now = new Date();
  const programmes = programmesFor(o.quarters, o.batch);
  const call = await setUp(stack, programmes);
  const pids = stackPids(stack);
  const atStart = snapshot(pids);

  // Creation through the public API, 12 in flight.
  const latencies = [];
  let failures = 0;
  const specs = Array.from({ length: o.quarters }, (_, i) => quarterSpec(i, programmes, now));
  const ids = [];
  const createdAt = performance.now();
  let lastLog = Date.now();
  await pool(specs, IN_FLIGHT, async (spec, i) => {
    const t = performance.now();
    try {
      ids.push((await call('POST', '/quarters', spec)).body.id);
    } catch (err) {
      failures++;
      if (failures <= 5) log(`[bench] quarter ${i + 1} failed: ${err.message.slice(0, 300)}`);
      if (failures > 50) throw new Error('more than 50 quarters failed to be created');
    }
    latencies.push(performance.now() - t);
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      log(`[bench] created ${latencies.length} of ${o.quarters}`);
    }
  });
  const createSeconds = (performance.now() - createdAt) / 1000;
  const afterCreate = snapshot(pids);
  log(`[bench] created ${o.quarters} quarters in ${createSeconds.toFixed(1)} s`);
  const creation = { inFlight: IN_FLIGHT, quarters: o.quarters, failures, seconds: ms(createSeconds), perSecond: ms(o.quarters / createSeconds), latencyMs: stats(latencies) };

  const readyAt = performance.now();
  const projection = await waitForReadModel(await adminCall(stack), o.quarters, log);
  const dash = projection.dashboard;
  const readModelLagSeconds = ms((performance.now() - readyAt) / 1000);
  const afterProjection = snapshot(pids);

  // Quiet window: what the system costs at rest with every workflow open.
  log(`[bench] idle window of ${o.idleSeconds} s`);
  const idleBefore = snapshot(pids);
  await new Promise((r) => setTimeout(r, o.idleSeconds * 1000));
  const idle = usage(idleBefore, snapshot(pids), o.idleSeconds);

  log('[bench] read model questions');
  const readModel = await measureReadModel(await adminCall(stack), o.samples, new Date());
  log('[bench] Temporal visibility questions');
  const visibility = await measureVisibility(stack, new Date(), o.samples);

  log('[bench] workflow queries (cold and warm)');
  const workflowQueries = await measureWorkflowQueries(stack, ids, Math.min(40, ids.length));

  log('[bench] batch');
  const batchProgramme = programmes[0].id;
  const expected = specs.filter((s) => s.programmeId === batchProgramme).length;
  const batch = await runBatch(await adminCall(stack), { programmeId: batchProgramme }, expected, log);
  const atEnd = snapshot(pids);

  return {
    figures: { projected: projection.projected, readModelComplete: projection.complete, dashboard: dash.total, stalled: dash.stalled, overdue: dash.overdue, upcoming: dash.upcoming.count, byPhase: dash.byPhase },
    creation,
    readModelLagSeconds,
    readModel,
    visibility,
    workflowQueries,
    ratio: {
      dashboardP50VsVisibilityCounts: ms(visibility.dashboardCounts.p50 / readModel.dashboard.p50),
      stalledPageP50VsVisibilityUnsorted: ms(visibility.stalledPageUnsorted.p50 / readModel.stalledPage.p50),
      stalledPageP50VsVisibilitySorted: ms(visibility.stalledPageSortedMs / readModel.stalledPage.p50),
    },
    batch,
    processes: {
      creation: usage(atStart, afterCreate, createSeconds),
      afterProjection: usage(afterCreate, afterProjection),
      idle,
      end: usage(afterProjection, atEnd),
    },
    disk: diskUse(stack),
  };
}

/** Rows of the read model as the projection leaves them; dates in TypeORM's SQLite format. */
function fillReadModel(dbFile, rows, programmes) {
  const Database = require('better-sqlite3');
  const db = new Database(dbFile);
  const now = Date.now();
  const sqlDate = (t) => new Date(t).toISOString().replace('T', ' ').replace('Z', '');
  const insert = db.prepare(
    `INSERT INTO quarters (id, naturalKey, name, municipality, kreis, land, housingCompany, programmeId, startedAt, startAt, workflowStartedAt, phase, currentStep, stalled, stalledReason, stalledSince, paused, nextDueAt, overdueSince, processVersion, createdAt, updatedAt)
     VALUES (@id, @naturalKey, @name, @municipality, @kreis, @land, @housingCompany, @programmeId, @startedAt, NULL, @startedAt, @phase, @currentStep, @stalled, @stalledReason, @stalledSince, 0, @nextDueAt, @overdueSince, 1, @startedAt, @startedAt)`,
  );
  const many = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const s = quarterSpec(i, programmes, new Date(now));
      const r = random(1_000_003 + i);
      const implementation = s.startAt.phase === 'implementation';
      const due = now + Math.floor((r() - 0.35) * 200) * 86_400_000;
      const overdue = due < now;
      const stalled = overdue && r() < 0.4;
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      insert.run({
        id,
        naturalKey: `${s.programmeId}|${s.municipality}|${s.name}`.toLowerCase(),
        name: s.name,
        municipality: s.municipality,
        kreis: s.kreis,
        land: s.land,
        housingCompany: s.housingCompany,
        programmeId: s.programmeId,
        startedAt: sqlDate(Date.parse(s.startedAt)),
        phase: s.startAt.phase,
        currentStep: implementation ? 'annual_report' : s.startAt.stepKey,
        stalled: stalled ? 1 : 0,
        stalledReason: stalled ? 'Frist überschritten (Benchmark)' : null,
        stalledSince: stalled ? sqlDate(due + 7 * 86_400_000) : null,
        nextDueAt: sqlDate(due),
        overdueSince: overdue ? sqlDate(due) : null,
      });
    }
  });
  const chunk = 10_000;
  for (let from = 0; from < rows; from += chunk) many(from, Math.min(rows, from + chunk));
  db.exec('ANALYZE');
  db.close();
}

async function readModelOnly(o, stack, log) {
  const pids = stackPids(stack);
  // The programmes through the API (so they are the admin's), the quarters straight into the table.
  const programmes = programmesFor(o.quarters, Math.ceil(o.quarters / 10));
  await setUp(stack, programmes);
  await stack.apps.actors.stop();
  log(`[bench] filling the actors read model with ${o.quarters} quarters (directly, no workflows)`);
  const filled = await timed(async () => fillReadModel(path.join(stack.dataDir, 'actors.sqlite'), o.quarters, programmes));
  await stack.restartService('actors');
  pids.actors = stack.apps.actors.child.pid;
  const admin = bootstrapAdmin();
  const call = await signIn(stack.gatewayUrl, admin.email, admin.password);
  const dash = await dashboardOf(call);
  if (dash.total !== o.quarters) throw new Error(`the dashboard counts ${dash.total} quarters, not the ${o.quarters} written`);
  const readModel = await measureReadModel(call, o.samples, new Date());
  return {
    note: 'read model only: rows written straight into actors.sqlite, no workflows or events behind them',
    fillSeconds: ms(filled.ms / 1000),
    figures: { dashboard: dash.total, stalled: dash.stalled, overdue: dash.overdue, upcoming: dash.upcoming.count },
    readModel,
    processes: usage(null, snapshot(pids)),
    disk: diskUse(stack),
  };
}

/** Quarter i as a row of the import template (name;municipality;kreis;land;housingCompany;programmeId;startedAt;startPhase;startStepKey). */
function importRow(spec) {
  const cells = [spec.name, spec.municipality, spec.kreis, spec.land, spec.housingCompany, spec.programmeId, spec.startedAt.slice(0, 10), spec.startAt.phase, spec.startAt.stepKey ?? ''];
  return cells.map((c) => String(c).replace(/;/g, ',')).join(';');
}

async function importOnly(o, stack, log) {
  const now = new Date();
  const programmes = programmesFor(o.quarters, o.quarters);
  const call = await setUp(stack, programmes);
  const pids = stackPids(stack);
  const header = 'name;municipality;kreis;land;housingCompany;programmeId;startedAt;startPhase;startStepKey';
  const csv = [header, ...Array.from({ length: o.quarters }, (_, i) => importRow(quarterSpec(i, programmes, now))), ''].join('\r\n');
  const before = snapshot(pids);
  const t0 = performance.now();
  const res = await call('POST', '/quarters/import', { csv });
  const answerSeconds = (performance.now() - t0) / 1000;
  if (res.body.created !== o.quarters) throw new Error(`the import created ${res.body.created} quarters, not ${o.quarters}`);
  log(`[bench] import of ${o.quarters} quarters answered in ${answerSeconds.toFixed(1)} s`);
  const projection = await waitForReadModel(await adminCall(stack), o.quarters, log, 90_000, 1000);
  const allSeconds = (performance.now() - t0) / 1000;
  const after = snapshot(pids);
  log(`[bench] every workflow started and projected ${allSeconds.toFixed(1)} s after the upload`);
  return {
    import: {
      quarters: o.quarters,
      answerSeconds: ms(answerSeconds),
      allProjectedSeconds: ms(allSeconds),
      projected: projection.projected,
      complete: projection.complete,
      startsPerSecond: ms(projection.projected / Math.max(0.001, allSeconds - answerSeconds)),
    },
    processes: usage(before, after, allSeconds),
    disk: diskUse(stack),
  };
}

// ---- report -----------------------------------------------------------------------------

function table(result) {
  const rows = [];
  const add = (what, value) => rows.push([what, value]);
  const lat = (s) => (s ? `p50 ${s.p50} ms, p95 ${s.p95} ms` : '-');
  const m = result.measurements;
  add('quarters', `${result.quarters} (${result.profile ?? 'embedded'} profile)`);
  if (m.import) {
    add('POST /api/quarters/import answered', `${m.import.answerSeconds} s`);
    add('every workflow started and projected', `${m.import.allProjectedSeconds} s after the upload (${m.import.startsPerSecond} starts/s)`);
    for (const [name, u] of Object.entries(m.processes)) add(`${name}`, `${u.cpuSeconds} s CPU, ${u.rssMB} MB RSS`);
    add('disk', `${m.disk.totalMB} MB`);
    const w = Math.max(...rows.map((r) => String(r[0]).length));
    return rows.map(([a, b]) => `${String(a).padEnd(w)}  ${b}`).join('\n');
  }
  add('GET /api/dashboard', lat(m.readModel.dashboard));
  if (m.readModel.dashboardWithoutFacets) add('  the same, facets=false (console)', lat(m.readModel.dashboardWithoutFacets));
  if (m.readModel.facets) add('GET /api/dashboard/facets', lat(m.readModel.facets));
  add('stalled page of 25', lat(m.readModel.stalledPage));
  add('overdue page of 25', lat(m.readModel.overduePage));
  add('next-due page of 25', lat(m.readModel.nextDuePage));
  if (m.creation) {
    add('POST /api/quarters (12 in flight)', `${lat(m.creation.latencyMs)}, ${m.creation.perSecond} quarters/s`);
    add('read model caught up after creation', `${m.readModelLagSeconds} s`);
    add('visibility: one count (p50 range)', `${m.visibility.countP50Range[0]}-${m.visibility.countP50Range[1]} ms`);
    add(`visibility: dashboard's ${m.visibility.countQueries} counts`, lat(m.visibility.dashboardCounts));
    add('visibility: stalled 25 unsorted / sorted', `${m.visibility.stalledPageUnsorted.p50} ms / ${m.visibility.stalledPageSortedMs} ms`);
    add('ratio visibility / read model (dashboard)', `${m.ratio.dashboardP50VsVisibilityCounts}x`);
    add('processState query cold / warm (p50)', `${m.workflowQueries.firstQueryMs.p50} ms / ${m.workflowQueries.secondQueryMs.p50} ms`);
    add(`batch over ${m.batch.quarters}`, `${m.batch.seconds} s (${m.batch.applied} applied, ${m.batch.refused} refused, ${m.batch.failed} failed)`);
    add('batch poll (page of 25)', `${lat(m.batch.pollMs)}, ${m.batch.pollBytes.max} bytes max`);
    for (const [name, u] of Object.entries(m.processes.idle)) add(`idle ${name}`, `${u.rssMB} MB RSS, ${u.cpuPercent} % CPU`);
    for (const [name, u] of Object.entries(m.processes.creation)) add(`creation ${name}`, `${u.cpuSeconds} s CPU`);
  } else {
    for (const [name, u] of Object.entries(m.processes)) add(`${name}`, `${u.rssMB} MB RSS`);
  }
  add('disk', `${m.disk.totalMB} MB`);
  const w = Math.max(...rows.map((r) => String(r[0]).length));
  return rows.map(([a, b]) => `${String(a).padEnd(w)}  ${b}`).join('\n');
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((x) => ms(x)),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

async function main(argv = process.argv.slice(2), log = console.log) {
  const o = parseArgs(argv);
  const dataDir = path.resolve(o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'genq-bench-')));
  const out = path.resolve(o.out ?? path.join(ROOT, 'data', 'bench', `scale-${o.profile === 'production' ? 'production-' : ''}${o.mode}-${o.quarters}.json`));
  const startedAt = new Date();
  const info = machine();
  const ports = await freeStackPorts({ withConsole: false });
  log(`[bench] ${o.mode} with ${o.quarters} quarters on the ${o.profile} profile, data in ${dataDir}`);
  // One client sends every request: the per-client rate limit (600 a minute by default) is
  // lifted for the run, as it would be for a trusted importer.
  // (A run outlasts the default 15-minute access token too: it signs in again before each phase.)
  const env = { RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '100000000' };
  const stack =
    o.profile === 'production'
      ? await startProductionStack({ dataDir, ports: { gateway: ports.gateway }, withConsole: false, log, env })
      : await startStack({ dataDir, ports, withConsole: false, log, env });
  // Ctrl-C or a kill stops the stack too: no server outlives the benchmark.
  const onSignal = (signal) => {
    log(`[bench] ${signal}: stopping the stack`);
    stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let measurements;
  try {
    measurements = o.mode === 'full' ? await full(o, stack, log) : o.mode === 'import' ? await importOnly(o, stack, log) : await readModelOnly(o, stack, log);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stack.stop();
    if (!o.keep && !o.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const result = {
    benchmark: 'scale',
    mode: o.mode,
    profile: o.profile,
    quarters: o.quarters,
    startedAt: startedAt.toISOString(),
    seconds: ms((Date.now() - startedAt.getTime()) / 1000),
    machine: { ...info, loadAverageAtEnd: os.loadavg().map((x) => ms(x)) },
    workerConfig: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WORKER_') || k.startsWith('BATCH_'))),
    measurements,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(table(result));
  log(`[bench] written ${out}`);
  return { result, out };
}

module.exports = { main, quarterSpec, programmesFor, stats };

if (require.main === module) {
  main().catch((err) => {
    console.error(`[bench] failed: ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
  });
}
