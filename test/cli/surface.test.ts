import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../helpers/cli.ts';

describe('the CLI surface', () => {
  test('commands and flags equal the committed snapshot (run `npm run surface` to record a deliberate change)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/cli-surface.ts'], {
      cwd: PROJECT_ROOT,
    });
    const committed = readFileSync(new URL('./surface.json', import.meta.url), 'utf8');
    expect(JSON.parse(stdout)).toEqual(JSON.parse(committed));
  });
});
