/**
 * Finds the Java runtime the Java-based checks (apex-ls, PMD) run on: `$JAVA_HOME/bin/java`, then
 * `java` on the PATH. Without one the checks cannot run, and say which Debian package brings it.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class JavaNotFoundError extends Error {
  constructor(searched: string) {
    super(
      `No Java runtime found (looked in ${searched}). The Apex checks run apex-ls and PMD on Java 17 or newer: ` +
        'install one, e.g. `sudo apt-get install -y --no-install-recommends default-jre-headless` on Debian/Ubuntu, ' +
        'or set JAVA_HOME.',
    );
    this.name = 'JavaNotFoundError';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of the `java` binary to run. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const searched: string[] = [];
  const home = env.JAVA_HOME;
  if (home) {
    const candidate = join(home, 'bin', 'java');
    if (executable(candidate)) return candidate;
    searched.push(`JAVA_HOME=${home}`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'java');
    if (executable(candidate)) return candidate;
  }
  searched.push('PATH');
  throw new JavaNotFoundError(searched.join(' and '));
}
