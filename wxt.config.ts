import { defineConfig } from 'wxt';

// The manifest asks for as little as the product needs; README.md explains each permission.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
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
