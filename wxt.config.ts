import { defineConfig } from 'wxt';
import type { InlineConfig } from 'vite';

// The manifest asks for as little as the product needs; README.md explains each permission.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The page agent runs in every page the researcher visits: it uses the browser's own API
    // (promises in Chrome MV3 and Firefox alike) rather than the polyfill, 3 KB gzipped smaller.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) withoutPolyfill(config);
    },
  },
  manifest: {
    name: 'Touchtrail',
    description:
      'Record a persona’s walk through a website as a customer journey: screenshots, stages, channels, friction and emotion, stored on your machine.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'sidePanel', 'contextMenus'],
    // Site access is asked for by the "Start journey" click, never at install time.
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: 'Open Touchtrail' },
    commands: {
      'capture-touchpoint': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: 'Capture a touchpoint from the active tab',
      },
      'pick-element': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Pick an element on the page and record it as a touchpoint',
      },
    },
  },
});

/** Undoes @wxt-dev/webextension-polyfill's alias of `wxt/browser` for one build. */
function withoutPolyfill(config: InlineConfig) {
  const alias = config.resolve?.alias;
  if (Array.isArray(alias)) {
    config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
  } else if (alias) {
    delete (alias as Record<string, string>)['wxt/browser'];
  }
}
