import { defineConfig } from 'wxt';
import type { InlineConfig } from 'vite';
import { SUGGESTED_KEYS } from './lib/shortcuts';

// The manifest asks for as little as the product needs; README.md explains each permission.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The page agent runs in every page the researcher visits, the page tools in some: they use
    // the browser's own API (promises in Chrome MV3 and Firefox alike) rather than the polyfill,
    // 3 KB gzipped smaller.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => IN_PAGES.includes(entrypoint.name))) withoutPolyfill(config);
    },
  },
  // The sources zip that addons.mozilla.org asks for: the code, not local runs' output.
  zip: { excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**'] },
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: 'Touchtrail',
      description:
        'Record a persona’s walk through a website as a customer journey: screenshots, stages, channels, friction and emotion, stored on your machine.',
      // Firefox has a sidebar (sidebar_action, made from the same entrypoint) instead of sidePanel.
      permissions: [
        'storage',
        'unlimitedStorage',
        'activeTab',
        'scripting',
        'contextMenus',
        ...(firefox ? [] : ['sidePanel']),
      ],
      // Site access is asked for by the "Start journey" click, never at install time.
      optional_host_permissions: ['<all_urls>'],
      action: { default_title: 'Open Touchtrail' },
      commands: firefox ? FIREFOX_COMMANDS : CHROME_COMMANDS,
      ...(firefox && { browser_specific_settings: FIREFOX_SETTINGS }),
    };
  },
});

/** The scripts that run in web pages (entrypoints/page-agent.ts, page-tools.ts). */
const IN_PAGES = ['page-agent', 'page-tools'];

const CAPTURE = 'Capture a touchpoint from the active tab';
const PICK = 'Pick an element on the page and record it as a touchpoint';
const { chrome: CHROME_KEYS, firefox: FIREFOX_KEYS } = SUGGESTED_KEYS;
const CHROME_COMMANDS = {
  'capture-touchpoint': { suggested_key: { default: CHROME_KEYS.capture }, description: CAPTURE },
  'pick-element': { suggested_key: { default: CHROME_KEYS.pick }, description: PICK },
};
// Ctrl on a Mac is MacCtrl in a manifest.
const onMac = (keys: string) => keys.replace('Ctrl', 'MacCtrl');
const FIREFOX_COMMANDS = {
  'capture-touchpoint': {
    suggested_key: { default: FIREFOX_KEYS.capture, mac: onMac(FIREFOX_KEYS.capture) },
    description: CAPTURE,
  },
  'pick-element': { suggested_key: { default: FIREFOX_KEYS.pick, mac: onMac(FIREFOX_KEYS.pick) }, description: PICK },
};
/** A fixed id, so the add-on's storage (the IndexedDB of its origin) survives reinstalls. */
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'touchtrail@touchtrail.dev',
    // The ESR line with MV3, optional_host_permissions and data_collection_permissions.
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
};

/** Undoes @wxt-dev/webextension-polyfill's alias of `wxt/browser` for one build. */
function withoutPolyfill(config: InlineConfig) {
  const alias = config.resolve?.alias;
  if (Array.isArray(alias)) {
    config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
  } else if (alias) {
    delete (alias as Record<string, string>)['wxt/browser'];
  }
}
