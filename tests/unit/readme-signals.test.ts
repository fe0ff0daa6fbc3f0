import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_SIGNALS } from '../../lib/signals/registry';
import { describeThreshold } from '../../lib/signals/thresholds';

// The README's signal table is the researcher's reference: it must list exactly the signals the
// registry has, in its order, each with its default thresholds as the settings label them.

function readmeSignalRows(): { signal: string; thresholds: string }[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Friction signals'));
  const table = section.slice(section.indexOf('| Signal'), section.indexOf('\n\n', section.indexOf('| Signal')));
  return table
    .split('\n')
    .slice(2) // the header and its rule
    .map((row) => row.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ signal: cells[1]!, thresholds: cells[3]! }));
}

describe("README's friction signals", () => {
  it('are the registry’s signals, each with its default thresholds', () => {
    const expected = ALL_SIGNALS.map((plugin) => {
      const thresholds = Object.entries(plugin.fields).map(([name, field]) =>
        describeThreshold(field, plugin.defaults[name]!),
      );
      return { signal: plugin.label, thresholds: thresholds.join('; ') || '—' };
    });
    expect(readmeSignalRows()).toEqual(expected);
  });
});
