import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CORPUS } from '../simulator/hostile';
import { driveHostileCorpus } from './hostile-drive';
import { startWorld, type World } from './world';

/**
 * The hostile-input corpus through every surface, in real Chromium with the store build: nothing
 * executes, nothing becomes markup, the popup stays usable, notification text is cleaned.
 */
let world: World;

beforeAll(async () => {
  world = await startWorld({ cannedCount: 5 });
});

afterAll(async () => {
  await world?.close();
});

describe('hostile visitor input', () => {
  it('stays inert text in the popup, side panel, notifications and canned expansion', async () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(40);
    const run = await driveHostileCorpus(world);
    expect(run.problems).toEqual([]);
    expect(run.executed).toBe(0);
    // popup + notifications (every input at once), side panel and canned (one chat each).
    expect(run.tried).toBe(HOSTILE_CORPUS.length * 4);
  }, 600_000);
});
