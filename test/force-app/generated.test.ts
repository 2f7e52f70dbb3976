/**
 * The files generated into force-app are current: NormalizationData.cls holds the engine's tables
 * as the generator would write them now, and the TrellisTestVectors static resource holds exactly
 * test/vectors, so the Apex tests run the same cases as jest does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT, staleFiles } from '../../scripts/force-app/generated-file.ts';
import { renderNormalizationData } from '../../scripts/force-app/normalization-data.ts';
import {
  readVectorSuites,
  renderTestVectorsResource,
  RESOURCE_FILE,
} from '../../scripts/force-app/test-vectors-resource.ts';

describe('generated force-app files', () => {
  test('NormalizationData.cls is what scripts/force-app/normalization-data.ts writes', async () => {
    expect(staleFiles(await renderNormalizationData())).toEqual([]);
  });

  test('the TrellisTestVectors static resource is what scripts/force-app/test-vectors-resource.ts writes', async () => {
    expect(staleFiles(await renderTestVectorsResource())).toEqual([]);
  });

  test('the static resource holds every test/vectors file, unchanged', () => {
    const resource: unknown = JSON.parse(readFileSync(join(PROJECT_ROOT, RESOURCE_FILE), 'utf8'));
    const suites = readVectorSuites();
    expect(Object.keys(suites)).toEqual(['lifecycle', 'match', 'normalize', 'rules', 'tiers']);
    expect(resource).toEqual(suites);
  });

  test.each(['normalization-data.ts', 'test-vectors-resource.ts'])('%s --check passes', (script) => {
    const run = spawnSync(process.execPath, [join('scripts', 'force-app', script), '--check'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
