// Running the third-party tools that judge our files (LibreOffice, poppler). A missing tool fails
// the test with how to install it: a readout test never skips.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The command to run: `name` in the env override's folder (or the file it names), else on PATH. */
export function toolPath(name: string, override: string | undefined): string {
  if (!override) return name;
  return existsSync(join(override, name)) ? join(override, name) : override;
}

export async function runTool(
  command: string,
  args: string[],
  install: string,
  options: { timeout?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      timeout: options.timeout ?? 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: options.env,
    });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${command} was not found: install ${install} (npm run setup).`, { cause: error });
    throw error;
  }
}
