// Prints the CLI's public surface (commands, flags, their kinds and defaults) as JSON.
// test/cli/surface.test.ts compares it with the committed test/cli/surface.json, so that
// a change to a command or flag is a visible decision: `npm run surface` records a new one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Flags such as --target-org take their default from the sf config of the working directory
// and the home directory (set by `trellis org start`): read the surface from an empty one of
// each, so that the snapshot describes the CLI and not this machine's state.
const root = new URL('..', import.meta.url).pathname;
const empty = mkdtempSync(join(tmpdir(), 'trellis-surface-'));
process.env.HOME = empty;
process.chdir(empty);
const { Config } = await import('@oclif/core');
const config = await Config.load({ root });
const surface = config.commands
  .filter((command) => !command.hidden)
  .map((command) => ({
    id: command.id,
    flags: Object.values(command.flags)
      .map((flag) => ({
        name: flag.name,
        char: flag.char ?? null,
        type: flag.type,
        required: flag.required ?? false,
        default: typeof flag.default === 'function' ? '(dynamic)' : ((flag.default as unknown) ?? null),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }))
  .sort((a, b) => a.id.localeCompare(b.id));

// Back out of the empty dir (worker threads started by the libraries read the cwd), and remove it
// only as the process ends: @salesforce/core may still write its state files there until then.
process.chdir(root);
process.on('exit', () => {
  rmSync(empty, { recursive: true, force: true });
});
const text = `${JSON.stringify(surface, null, 2)}\n`;
if (process.argv.includes('--write'))
  writeFileSync(new URL('../test/cli/surface.json', import.meta.url), text);
else process.stdout.write(text);
