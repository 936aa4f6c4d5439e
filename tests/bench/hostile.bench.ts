import { HOSTILE_CORPUS } from '../simulator/hostile';
import { driveHostileCorpus } from '../e2e/hostile-drive';
import { startWorld } from '../e2e/world';
import type { Metrics } from './report';

/**
 * The hostile-input corpus (tests/simulator/hostile.ts) driven through the popup, side panel,
 * notifications and canned expansion in real Chromium with the store build
 * (tests/e2e/hostile-drive.ts): how many input × surface pairs were tried, and in how many a
 * payload ran (target 0). Problems other than execution (markup, layout) fail the browser test.
 */
export default async function run(): Promise<Metrics> {
  const world = await startWorld({ cannedCount: 5 });
  try {
    const result = await driveHostileCorpus(world);
    if (result.problems.length)
      console.warn(`hostile inputs: ${result.problems.length} problem(s):\n  ${result.problems.join('\n  ')}`);
    console.log(`hostile inputs: ${HOSTILE_CORPUS.length} strings, ${result.tried} tried, ${result.executed} executed`);
    return {
      hostile_inputs_tried: { value: result.tried, unit: 'inputs', better: 'higher' },
      hostile_inputs_executed: { value: result.executed, unit: 'inputs', target: 0, better: 'lower' },
    };
  } finally {
    await world.close();
  }
}
