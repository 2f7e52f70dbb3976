// The background process `trellis org start` launches: serves the local org until
// SIGTERM or SIGINT. A plain entry point, without oclif's command machinery, so that
// a stop signal closes the database cleanly instead of being turned into an exit error.
import { parseArgs } from 'node:util';
import { serveOrg } from './control.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'project-dir': { type: 'string' },
  },
});

const org = await serveOrg({
  port: Number(values.port ?? '0'),
  dataDir: values['data-dir'] ?? '.trellis/local-org',
  projectDir: values['project-dir'] ?? '.',
});
process.stdout.write(`Local org serving at ${org.url}\n`);
