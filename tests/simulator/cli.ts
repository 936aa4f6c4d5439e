/**
 * Run the simulator by hand or for another process:
 *   npx tsx tests/simulator/cli.ts --port 8443 --seed 7 --scenario lively
 * Prints the port, the Chromium flags and the control API, then serves until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startSimulator, type SimulatorOptions } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    scenario: { type: 'string' },
    dc: { type: 'string' },
    'auth-mode': { type: 'string' },
    refresh: { type: 'string' },
    'token-lifetime': { type: 'string' },
    'missed-after': { type: 'string' },
    canned: { type: 'string' },
    portals: { type: 'string' },
    'pickup-method': { type: 'string' },
    'live-speed': { type: 'string' },
    'visitor-writes-per-min': { type: 'string' },
    'visitor-leaves-after-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npx tsx tests/simulator/cli.ts [options]
  --port N              listen port (0 = random; default 0)
  --seed N              world seed (default 1)
  --scenario S          quiet | lively (default quiet)
  --dc LOC              account data centre: us, eu, in, au, jp, ca, sa, uk, cn (default us)
  --auth-mode M         auto | consent | deny (default auto)
  --refresh M           ok | prompt_required | client_not_granted (default ok)
  --token-lifetime S    access token lifetime in seconds (default 3600)
  --missed-after MS     waiting → missed after MS (0 = never; default 60000)
  --canned N            number of canned responses (default 25)
  --portals a,b         portal screen names (default zylker)
  --pickup-method M     both | put-only | post-only (default both)
  --live-speed X        divide lively delays by X (default 1)
  --visitor-writes-per-min N   follow-up lines a minute per visitor in a connected chat (default 0)
  --visitor-leaves-after-ms N  an unanswered visitor may leave after this long (default 0 = never)`);
  process.exit(0);
}

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const options: SimulatorOptions = {
  port: number(values.port),
  seed: number(values.seed),
  scenario: values.scenario as SimulatorOptions['scenario'],
  dc: values.dc as SimulatorOptions['dc'],
  authMode: values['auth-mode'] as SimulatorOptions['authMode'],
  refresh: values.refresh as SimulatorOptions['refresh'],
  tokenLifetimeSec: number(values['token-lifetime']),
  missedAfterMs: number(values['missed-after']),
  cannedCount: number(values.canned),
  portals: values.portals
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  pickupMethod: values['pickup-method'] as SimulatorOptions['pickupMethod'],
  liveSpeed: number(values['live-speed']),
  visitorWritesPerMin: number(values['visitor-writes-per-min']),
  visitorLeavesAfterMs: number(values['visitor-leaves-after-ms']),
};

const sim = await startSimulator(options).catch((error: unknown) => {
  console.error(`Could not start the simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(
  `Zoho simulator listening on ${sim.origin} (seed ${options.seed}, scenario ${sim.state().config.scenario})`,
);
console.log(`PORT=${sim.port}`);
console.log('\nChromium flags:');
for (const arg of sim.chromiumArgs) console.log(`  '${arg}'`);
console.log(`\nControl API (any Zoho host, or https://127.0.0.1:${sim.port}):`);
console.log(
  '  GET /__sim/state   POST /__sim/chats   POST /__sim/configure   POST /__sim/faults   GET /__sim/requests',
);
console.log(`  e.g. curl -k -X POST https://127.0.0.1:${sim.port}/__sim/chats -d '{}'`);
console.log('\nCtrl-C to stop.');

// The listening socket keeps the process alive; stop cleanly so hung fault requests are dropped.
const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
