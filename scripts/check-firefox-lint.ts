// `npm run test:firefox` first: Mozilla's addons-linter on the Firefox build. It must report no
// error, and exactly the warnings README.md explains ("In Firefox"): a new warning, or one gone,
// fails here until the README says so.

import { spawnSync } from 'node:child_process';

const BUILD = process.argv[2] ?? '.output/firefox-mv3';
/** The warnings README.md explains, by code, with how many times each is expected. */
const EXPLAINED: Record<string, number> = {
  DANGEROUS_EVAL: 4,
  UNSAFE_VAR_ASSIGNMENT: 2,
  KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: 1,
};

interface LinterMessage {
  code: string;
  file?: string;
  message: string;
}

const run = spawnSync('npx', ['addons-linter', '--self-hosted', '--output', 'json', BUILD], { encoding: 'utf8' });
const report = JSON.parse(run.stdout) as { errors: LinterMessage[]; warnings: LinterMessage[] };
const seen: Record<string, number> = {};
for (const warning of report.warnings) seen[warning.code] = (seen[warning.code] ?? 0) + 1;

const problems = [
  ...report.errors.map((error) => `error ${error.code} in ${error.file ?? 'the add-on'}: ${error.message}`),
  ...[...new Set([...Object.keys(seen), ...Object.keys(EXPLAINED)])]
    .filter((code) => seen[code] !== EXPLAINED[code])
    .map((code) => `warning ${code}: ${seen[code] ?? 0} time(s), README.md explains ${EXPLAINED[code] ?? 0}`),
];
for (const warning of report.warnings) console.log(`warning ${warning.code} in ${warning.file ?? 'the add-on'}`);
if (problems.length > 0) {
  console.error(`addons-linter on ${BUILD}:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`addons-linter on ${BUILD}: no errors; ${report.warnings.length} warnings, each explained in README.md.`);
