#!/usr/bin/env node
// The `trellis` binary. Commands are TypeScript files that Node 24 runs directly
// (type stripping), so there is no build step between an edit and a run.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
