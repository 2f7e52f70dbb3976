// The background process `trellis org start` launches: serves the local org until
// SIGTERM or SIGINT. A plain entry point, without oclif's command machinery, so that
// a stop signal closes the database cleanly instead of being turned into an exit error.
import { parseArgs } from 'node:util';
import { NO_FAULTS, parseFaultKinds } from '../http/faults.ts';
import { serveOrg } from './control.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'project-dir': { type: 'string' },
    'fault-rate': { type: 'string' },
    'fault-kinds': { type: 'string' },
  },
});

const org = await serveOrg({
  port: Number(values.port ?? '0'),
  dataDir: values['data-dir'] ?? '.trellis/local-org',
  projectDir: values['project-dir'] ?? '.',
  faults: {
    ...NO_FAULTS,
    rate: Number(values['fault-rate'] ?? '0'),
    kinds: values['fault-kinds'] ? parseFaultKinds(values['fault-kinds']) : NO_FAULTS.kinds,
  },
});
process.stdout.write(`Local org serving at ${org.url}\n`);
