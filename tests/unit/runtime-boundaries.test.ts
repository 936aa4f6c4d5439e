import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import zones of eslint.config.js are the only thing that keeps background code (Dexie, the
 * database writer, the auth session, the queue loop) out of the pages and the content script.
 * These lint snippets as if they were files at the given paths, through the project's own config,
 * so a zone that stops matching (a renamed folder, a typo in a list) fails here, not in review.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const boundary = (messages: string[]) =>
  messages.filter((m) => m.startsWith('import-x/no-restricted-paths') || m.startsWith('no-restricted-imports'));

// Linting walks the import graph (import-x/no-cycle), which takes seconds on a cold start.
describe('runtime boundaries (eslint.config.js import zones)', { timeout: 60_000 }, () => {
  beforeAll(() => problems('entrypoints/popup/Warm.ts', 'export {};\n'), 60_000);

  it('refuses lib/db.ts in the popup', async () => {
    const found = await problems(
      'entrypoints/popup/Violation.ts',
      "import { db } from '../../lib/db';\nexport const x = db;\n",
    );
    expect(boundary(found)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*"\.\.\/\.\.\/lib\/db".*page-safe/),
    ]);
  });

  it('refuses Dexie itself in a component', async () => {
    const found = await problems('components/Violation.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n");
    expect(boundary(found)).toEqual([expect.stringMatching(/^no-restricted-imports: .*Dexie is background-only/)]);
  });

  it('refuses the auth session, the queue loop and the syncs in every page', async () => {
    for (const [page, from] of [
      ['entrypoints/sidepanel/Violation.ts', '../../lib/auth/session'],
      ['entrypoints/options/Violation.ts', '../../lib/queue/tick'],
      ['entrypoints/welcome/Violation.ts', '../../lib/canned/sync'],
      ['components/canned/Violation.ts', '../../lib/visitor/history'],
    ]) {
      const found = await problems(page!, `import * as m from '${from}';\nexport const x = m;\n`);
      expect(boundary(found), `${page} importing ${from}`).toHaveLength(1);
    }
  });

  it('accepts what pages do use: record types, the plain reader, messages', async () => {
    const code = [
      "import type { ChatRecord } from '../../lib/records';",
      "import { readRecord } from '../../lib/db-read';",
      "import { ask } from '../../lib/messages';",
      'export const x: [ChatRecord | undefined, unknown, unknown] = [undefined, readRecord, ask];',
      '',
    ].join('\n');
    expect(await problems('entrypoints/popup/Fine.ts', code)).toEqual([]);
  });

  it('keeps a page-safe module from loading background code on the pages’ behalf', async () => {
    const found = await problems('lib/settings.ts', "import { readMeta } from './db';\nexport const x = readMeta;\n");
    expect(boundary(found)).toHaveLength(1);
  });

  it('lets the content script load only its own few modules', async () => {
    const fine = await problems(
      'entrypoints/salesiq.content.ts',
      "import { findComposer } from '../lib/canned/composer';\nexport const x = findComposer;\n",
    );
    expect(boundary(fine)).toEqual([]);
    const found = await problems(
      'entrypoints/salesiq.content.ts',
      "import { readSettings } from '../lib/settings';\nexport const x = readSettings;\n",
    );
    expect(boundary(found)).toHaveLength(1);
  });

  it('lets the offscreen page load only the chime message check', async () => {
    const fine = await problems(
      'entrypoints/offscreen/main.ts',
      "import { isPlayChimeMessage } from '../../lib/messages';\nexport const x = isPlayChimeMessage;\n",
    );
    expect(boundary(fine)).toEqual([]);
    const found = await problems(
      'entrypoints/offscreen/main.ts',
      "import { db } from '../../lib/db';\nexport const x = db;\n",
    );
    expect(boundary(found)).toHaveLength(1);
  });

  it('keeps lib/auth off the queue and lib/salesiq off everything else', async () => {
    const auth = await problems(
      'lib/auth/violation.ts',
      "import { renderBadge } from '../queue/badge';\nexport const x = renderBadge;\n",
    );
    expect(boundary(auth)).toHaveLength(1);
    const salesiq = await problems(
      'lib/salesiq/violation.ts',
      "import { readSettings } from '../settings';\nexport const x = readSettings;\n",
    );
    expect(boundary(salesiq)).toHaveLength(1);
  });

  it('forbids upward imports from lib into components', async () => {
    const found = await problems(
      'lib/violation.ts',
      "import { ChatRow } from '../components/ChatRow';\nexport const x = ChatRow;\n",
    );
    expect(boundary(found)).toHaveLength(1);
  });
});
