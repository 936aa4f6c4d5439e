// Lint, and above all the house rule a newcomer cannot see in the code: which code may run where.
// The extension has four rooms (ARCHITECTURE.md): the background service worker, the extension
// pages (popup, side panel, options, welcome, privacy), the SalesIQ content script and the
// offscreen audio page. Files stay where they are; the rooms are the lists below, enforced by
// import zones. A lib module is background-only unless it is named in PAGE_SAFE or
// CONTENT_SAFE: a new module starts out forbidden to pages, never silently allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The extension pages' own folders (WXT entrypoints) and the components they share. */
export const PAGES = [
  'entrypoints/popup',
  'entrypoints/sidepanel',
  'entrypoints/sidepanel-early',
  'entrypoints/options',
  'entrypoints/welcome',
  'entrypoints/privacy',
  'components',
];

/**
 * lib modules a page may load (relative to lib/): no Dexie, no writes, no SalesIQ calls, no
 * timers of the queue. Each of them imports only other modules of this list.
 */
export const PAGE_SAFE = [
  'records.ts',
  'db-read.ts',
  'db-changes.ts',
  'ui/early-read.ts',
  'messages.ts',
  'settings.ts',
  'project.ts',
  'salesiq/types.ts',
  'salesiq/errors.ts',
  'salesiq/data-centres.ts',
  'salesiq/server-clock.ts',
  'salesiq/console-url.ts',
  'browser/in-flight-store.ts',
  'browser/stored-value.ts',
  'browser/short-lived.ts',
  'queue/delivery-problem.ts',
  'queue/pickup-in-flight.ts',
  'queue/pickup-outcome.ts',
  'queue/notifications.ts',
  'queue/sound.ts',
  'canned/composer.ts',
  'canned/context.ts',
  'chat/compose-rule.ts',
  'chat/transfer-choices.ts',
  'my-chats/records.ts',
  'canned/fuzzy.ts',
  'canned/highlight.ts',
  'canned/normalize.ts',
  'canned/placeholders.ts',
  'canned/records.ts',
  'canned/search.ts',
  'canned/send-outcome.ts',
  'canned/shortcuts.ts',
  'onboarding/install.ts',
  'onboarding/whats-new.ts',
  'reachability/facts.ts',
  'visitor/history-merge.ts',
  'ui/format.ts',
  'ui/plain-error.ts',
  'visitor/label.ts',
  'browser/open-history.ts',
  'visitor/records.ts',
  'browser/side-panel.ts',
];

/** What the SalesIQ content script may load (relative to lib/): it runs inside Zoho's page. */
export const CONTENT_SAFE = [
  'canned/composer.ts',
  'canned/shortcuts.ts',
  'messages.ts',
  'salesiq/data-centres.ts',
  'salesiq/errors.ts',
  'salesiq/types.ts',
];

/** The offscreen page only checks the chime message (lib/messages.ts) and plays it. */
export const OFFSCREEN_SAFE = [
  'messages.ts',
  'canned/shortcuts.ts',
  'salesiq/data-centres.ts',
  'salesiq/errors.ts',
  'salesiq/types.ts',
];

const lib = (files) => files.map((file) => `lib/${file}`);
const relative = (files) => files.map((file) => `./${file}`);
const SEE = 'See ARCHITECTURE.md, "Rooms".';

const zones = [
  {
    target: PAGES,
    from: 'lib',
    except: relative(PAGE_SAFE),
    message: `Pages and components may import only page-safe lib modules (PAGE_SAFE in eslint.config.js): no Dexie, lib/db.ts, auth session, queue loop or syncs; ask the background by message. ${SEE}`,
  },
  {
    target: lib(PAGE_SAFE),
    from: 'lib',
    except: relative(PAGE_SAFE),
    message: `A page-safe module may import only other page-safe modules, or pages would load background code through it. ${SEE}`,
  },
  {
    target: 'entrypoints/salesiq.content.ts',
    from: 'lib',
    except: relative(CONTENT_SAFE),
    message: `The content script runs in Zoho's page: it imports only what it needs (CONTENT_SAFE in eslint.config.js). ${SEE}`,
  },
  {
    target: lib(CONTENT_SAFE),
    from: 'lib',
    except: relative(CONTENT_SAFE),
    message: `A content-script module may import only other content-script modules. ${SEE}`,
  },
  {
    target: 'entrypoints/offscreen',
    from: 'lib',
    except: relative(OFFSCREEN_SAFE),
    message: `The offscreen page only plays sound. ${SEE}`,
  },
  {
    target: ['entrypoints/salesiq.content.ts', 'entrypoints/offscreen', 'entrypoints/background.ts'],
    from: 'components',
    message: `Components are for the extension pages only. ${SEE}`,
  },
  {
    target: 'lib/salesiq',
    from: 'lib',
    // The one exception: the 429 blocks are kept in storage.session through the cached reader.
    except: ['./salesiq', './browser/stored-value.ts'],
    message: 'lib/salesiq is SalesIQ knowledge only: it knows nothing of the queue, the database or the browser UI.',
  },
  {
    target: 'lib/auth',
    from: 'lib/queue',
    message: 'lib/auth must not depend on the queue: the queue reacts to sign-in state, not the other way round.',
  },
  { target: 'lib', from: 'components', message: 'No upward imports: lib is below components.' },
  {
    target: ['lib', 'components'],
    from: 'entrypoints',
    message: 'No upward imports: entrypoints import lib and components, never the reverse.',
  },
];

/** Dexie is the background's writer; pages read with the plain IndexedDB API (lib/db-read.ts). */
const noDexie = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'dexie', message: `Dexie is background-only; pages read with lib/db-read.ts. ${SEE}` }] },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'store/**', 'demo-screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': 'error',
      // Stripping control characters from untrusted text (visitor input, SalesIQ fields) is what
      // those expressions are for.
      'no-control-regex': 'off',
      // A closure may read a variable assigned once, later (tests/simulator/index.ts wires its parts so).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: [
      ...PAGES.map((dir) => `${dir}/**`),
      ...lib(PAGE_SAFE),
      'entrypoints/salesiq.content.ts',
      'entrypoints/offscreen/**',
    ],
    rules: noDexie,
  },
  // Tests may reach anything (they stand in for every room); the zones above are about shipped code.
  { files: ['tests/**'], rules: { 'import-x/no-restricted-paths': 'off' } },
);
