import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ZOHO_HOST_PERMISSIONS } from './lib/salesiq/data-centres';
import { HOMEPAGE_URL } from './lib/project';
import { staticImportsOf } from './tools/build/static-imports';

const popupFirstPaintModules = staticImportsOf(/[\\/]entrypoints[\\/]popup[\\/]index\.html$/);

// The manifest is a function of the target browser: Chrome gets the side panel permission,
// Firefox gets its gecko settings (WXT turns the sidepanel entrypoint into sidebar_action there).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), popupFirstPaintModules.plugin],
    resolve: {
      // Dexie's default ESM entry wraps its UMD build (for CommonJS interop we do not need);
      // the modern ESM build is smaller and tree-shakes better. Exact match only.
      alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
    },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['bench-results.json', 'demo-screenshots/**', 'test-results/**', 'store/**'],
  },
  hooks: {
    // The pages share one chunk of everything their first paint needs (Preact, the polyfill,
    // shared components) instead of a handful of small ones: each file an extension page loads
    // is a round trip through the browser process before its first frame. That chunk holds only
    // what the popup's first paint imports too: the popup opens most often and is timed against a
    // blank page, so it loads nothing it does not run. What the other pages share beyond it
    // (sign-in, canned responses, settings pieces) goes into a second shared chunk they load.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'popup')) return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output))
        throw new Error('WXT changed how it builds pages: revisit the chunking hook.');
      const shared = { tags: ['$initial'] as const, minShareCount: 2 };
      Object.assign(output, {
        codeSplitting: {
          groups: [
            { name: 'pages', ...shared, priority: 2, test: popupFirstPaintModules.has },
            { name: 'pages-more', ...shared, priority: 1 },
          ],
        },
      });
    },
    // WXT names the toolbar button after the popup's <title>; the button should carry the
    // product's localized name (the badge renderer replaces it with live status once running).
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => {
    // idle: the queue slows while the screen is locked (no install warning).
    // scripting: the SalesIQ content script is registered at sign-in for the signed-in data
    // centre's SalesIQ host only (lib/content-script-scope.ts), not declared for all of them.
    const permissions = ['alarms', 'notifications', 'storage', 'identity', 'idle', 'scripting'];
    // offscreen: the Chrome worker has no Audio; the escalation chime plays in an offscreen page.
    if (browser !== 'firefox') permissions.push('sidePanel', 'offscreen');
    return {
      name: '__MSG_extName__',
      short_name: '__MSG_extShortName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      homepage_url: HOMEPAGE_URL,
      // Chrome 120: packed extensions' alarms may repeat every 30 s (the poll loop's wake-up);
      // the newest other API used is sidePanel.open (116). Firefox's floor is strict_min_version.
      ...(browser === 'firefox' ? {} : { minimum_chrome_version: '120' }),
      permissions,
      host_permissions: [...ZOHO_HOST_PERMISSIONS],
      // Keyboard shortcuts anywhere in the browser; operators can rebind them (chrome://extensions/shortcuts).
      commands: {
        _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandOpenQueue__' },
        'pick-up-oldest': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandPickUpOldest__' },
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'operator-companion@salesiq-operators.org',
                strict_min_version: '140.0',
                // We send nothing to ourselves or any third party: the extension talks only to
                // the operator's own Zoho account, at their direction.
                data_collection_permissions: { required: ['none'] },
              },
              // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint
              // warns that 140 predates it there).
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
});
