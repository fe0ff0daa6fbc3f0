// A page's Content-Security-Policy read as a browser enforces it (CSP Level 3): directive names
// are case-insensitive, a repeated directive is ignored, and a fetch with no directive of its
// own falls back along the chain the specification gives.

export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (!policy.has(directive)) policy.set(directive, sources);
  }
  return policy;
}

const FALLBACKS: Record<string, string[]> = {
  'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
  'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
  'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
  'style-src-attr': ['style-src-attr', 'style-src', 'default-src'],
  'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
  'frame-src': ['frame-src', 'child-src', 'default-src'],
  'img-src': ['img-src', 'default-src'],
  'connect-src': ['connect-src', 'default-src'],
  'font-src': ['font-src', 'default-src'],
  'media-src': ['media-src', 'default-src'],
  'object-src': ['object-src', 'default-src'],
  'manifest-src': ['manifest-src', 'default-src'],
};

export const FETCH_DIRECTIVES = Object.keys(FALLBACKS);

/** The sources a fetch of this kind may use; undefined when nothing restricts it. */
export function sourcesFor(policy: Policy, directive: string): string[] | undefined {
  const chain = FALLBACKS[directive];
  if (!chain) throw new Error(`Not a fetch directive: ${directive}`);
  for (const name of chain) {
    const sources = policy.get(name);
    if (sources) return sources.map((source) => source.toLowerCase());
  }
  return undefined;
}
