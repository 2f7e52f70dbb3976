// `npm run bench`: the engine's and the local org's benchmarks, with figures and ratios against a baseline
// measured in the same run. `--json` adds one JSON object with every figure on the last line.
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../../cli/src/config/load.ts';
import { benchBulk, type BulkBenchResult } from './bulk.ts';
import { benchLocalOrg, type LocalOrgBenchResult } from './localorg.ts';
import { benchMatch, type MatchBenchResult } from './match.ts';
import { benchTiers, type TierBenchResult } from './tiers.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    accounts: { type: 'string', default: '1000000' },
    registrations: { type: 'string', default: '10000' },
    'naive-sample': { type: 'string', default: '20' },
    partners: { type: 'string', default: '100000' },
    quarters: { type: 'string', default: '8' },
    records: { type: 'string', default: '100000' },
    'single-sample': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    'bulk-rows': { type: 'string', default: '1000000' },
    seed: { type: 'string', default: 'trellis' },
    only: { type: 'string' },
  },
});

const count = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} takes a whole number of at least 1, not "${String(values[name])}"\n`);
    process.exit(2);
  }
  return value;
};

const fixed = (value: number, digits: number): string => value.toFixed(digits);
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

if (!(globalThis as { gc?: unknown }).gc)
  say('(run through `npm run bench` for heap figures: it passes --expose-gc)');
const config = await loadConfigFile();
const figures: {
  match?: MatchBenchResult;
  tiers?: TierBenchResult;
  localorg?: LocalOrgBenchResult;
  bulk?: BulkBenchResult;
} = {};

if (!values.only || values.only === 'match') {
  say(
    `match: generating ${count('accounts').toLocaleString('en-US')} accounts and ${count('registrations').toLocaleString('en-US')} noisy registrations (seed "${values.seed}")...`,
  );
  const m = benchMatch({
    accounts: count('accounts'),
    registrations: count('registrations'),
    naiveSample: count('naive-sample'),
    seed: values.seed,
    threshold: config.matching.threshold,
  });
  figures.match = m;
  say(`  generated in ${fixed(m.generateSeconds, 2)} s`);
  say(
    `  index: ${m.accounts.toLocaleString('en-US')} accounts in ${fixed(m.indexSeconds, 2)} s, ${fixed(m.indexHeapMB, 1)} MB heap, ${m.vocabulary.toLocaleString('en-US')} distinct words`,
  );
  say(
    `  match: ${m.registrations.toLocaleString('en-US')} registrations in ${fixed(m.matchSeconds, 2)} s = ${Math.round(m.registrationsPerSecond).toLocaleString('en-US')} per second`,
  );
  say(
    `  quality: precision ${fixed(m.precision, 4)}, recall ${fixed(m.recall, 4)} (threshold ${config.matching.threshold})`,
  );
  say(
    `  naive all-pairs baseline on ${m.naiveSample} registrations: ${fixed(m.naiveSecondsPerRegistration, 3)} s each, recall ${fixed(m.naiveRecall, 3)} (indexed on the same sample: ${fixed(m.indexedRecallOnSample, 3)})`,
  );
  say(`  speed-up vs naive: ${Math.round(m.speedupVsNaive).toLocaleString('en-US')}x`);
}

if (!values.only || values.only === 'tiers') {
  const t = benchTiers({
    partners: count('partners'),
    quarters: count('quarters'),
    seed: values.seed,
    config: config.tiers,
    asOf: '2026-11-25',
  });
  figures.tiers = t;
  say(
    `tiers: ${t.partners.toLocaleString('en-US')} partners x ${t.quarters} quarters (${t.metricRows.toLocaleString('en-US')} metric rows) recalculated in ${fixed(t.seconds, 2)} s = ${Math.round(t.partnersPerSecond).toLocaleString('en-US')} partners per second`,
  );
  say(
    `  changes: ${Object.entries(t.changes)
      .map(([kind, n]) => `${kind} ${n.toLocaleString('en-US')}`)
      .join(', ')}`,
  );
}

if (!values.only || values.only === 'localorg') {
  say(
    `localorg: ${count('records').toLocaleString('en-US')} accounts through /composite/sobjects (200 a request, ${count('concurrency')} in flight), read back by paged query; single-record baseline on ${count('single-sample').toLocaleString('en-US')} (seed "${values.seed}")...`,
  );
  const l = await benchLocalOrg({
    records: count('records'),
    singleSample: count('single-sample'),
    concurrency: count('concurrency'),
    seed: values.seed,
  });
  figures.localorg = l;
  const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en-US')} records per second`;
  say(
    `  composite create: ${l.records.toLocaleString('en-US')} in ${l.compositeRequests.toLocaleString('en-US')} requests, ${fixed(l.compositeCreateSeconds, 2)} s = ${perSecond(l.compositeCreatePerSecond)}`,
  );
  say(
    `  paged read: ${l.records.toLocaleString('en-US')} (all checked) in ${l.pages.toLocaleString('en-US')} pages, ${fixed(l.pagedReadSeconds, 2)} s (first page after ${fixed(l.firstPageSeconds, 2)} s) = ${perSecond(l.pagedReadPerSecond)}`,
  );
  say(
    `  single-record create (POST /sobjects/Account, one at a time, ${l.singleSample.toLocaleString('en-US')} sampled): ${perSecond(l.singleCreatePerSecond)}, ${fixed(l.singleCreateScaledSeconds, 1)} s scaled to ${l.records.toLocaleString('en-US')}`,
  );
  say(
    `  single-record read (GET /sobjects/Account/{id}, one at a time, ${l.singleSample.toLocaleString('en-US')} sampled): ${perSecond(l.singleReadPerSecond)}, ${fixed(l.singleReadScaledSeconds, 1)} s scaled to ${l.records.toLocaleString('en-US')}`,
  );
  say(
    `  speed-up: composite vs single create ${fixed(l.createSpeedup, 1)}x, paged vs single read ${fixed(l.readSpeedup, 1)}x`,
  );
  say(
    `  memory: peak RSS ${fixed(l.peakRssMB, 1)} MB while it ran, from ${fixed(l.startRssMB, 1)} MB at its start (server and client in one process; process peak ${fixed(l.processPeakRssMB, 1)} MB), database ${fixed(l.databaseMB, 1)} MB`,
  );
}

if (!values.only || values.only === 'bulk') {
  const rows = count('bulk-rows');
  say(
    `bulk: ${rows.toLocaleString('en-US')} accounts through Bulk API 2.0 (ingest jobs, query job) and through REST (/composite/sobjects, paged /query), each org a child process (seed "${values.seed}")...`,
  );
  const b = await benchBulk({ rows, seed: values.seed });
  figures.bulk = b;
  const line = (what: string, p: BulkBenchResult['bulkIngest']): string =>
    `  ${what}: ${p.rows.toLocaleString('en-US')} in ${fixed(p.seconds, 2)} s = ${p.rowsPerSecond.toLocaleString('en-US')} rows per second, server peak ${fixed(p.serverPeakMB, 1)} MB from ${fixed(p.serverStartMB, 1)} MB`;
  say(line(`bulk ingest (${b.ingestJobs} job${b.ingestJobs === 1 ? '' : 's'})`, b.bulkIngest));
  say(line(`bulk export (${b.exportPages} page${b.exportPages === 1 ? '' : 's'})`, b.bulkExport));
  say(line('composite ingest', b.compositeIngest));
  say(line('REST paged export', b.restExport));
  say(`  bulk vs REST: ingest ${fixed(b.ingestRatio, 2)}x, export ${fixed(b.exportRatio, 2)}x`);
  say(
    `  memory (${b.memoryMethod}): client peak ${fixed(b.clientPeakMB, 1)} MB; database ${fixed(b.bulkDatabaseMB, 1)} MB after bulk, ${fixed(b.compositeDatabaseMB, 1)} MB after composite`,
  );
}

if (values.json) say(JSON.stringify(figures));
