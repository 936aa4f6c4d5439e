/**
 * Local Zoho simulator: Zoho Accounts OAuth and the SalesIQ REST API on one HTTPS port, for
 * browser tests of the unchanged store build, the demo and benchmarks. This file only wires the
 * parts together and exposes the control surface; each part lives in its own module.
 */
import { AccountsService } from './accounts';
import { testCertificate } from './certificate';
import { applyConfigPatch, resolveOptions, type ConfigPatch } from './config';
import { createControlHandler } from './control';
import { FaultBook } from './faults';
import { chromiumArgsFor } from './hosts';
import { LiveScenario } from './live';
import { VisitorActivity } from './visitor-activity';
import { RequestLog } from './request-log';
import { handleConsole } from './salesiq/console-route';
import { handleSalesiq } from './salesiq/router';
import { startHttpsServer, type Pipeline } from './server';
import { TokenStore } from './tokens';
import type { RequestContext } from './http-util';
import type { ResetOptions, Simulator, SimulatorConfig, SimulatorOptions, SimulatorState } from './types';
import { conversationView, messageView } from './views';
import { World } from './world';
import { setWireClockOffset } from './wire-clock';

export type * from './types';
export { DEFAULT_CONFIG } from './config';
export { chromiumArgsFor } from './hosts';
export { SEED_PICKUP_RESPONSE } from './seed-sample';
export { API_ERRORS } from './salesiq/errors';
export { SCOPES } from './salesiq/api';

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const start = resolveOptions(options);
  let config: SimulatorConfig = start.config;
  const currentConfig = () => config;
  let tokens = new TokenStore();
  let world = new World(start.seed, currentConfig);
  let live = new LiveScenario(world, currentConfig, start.seed);
  let visitors = new VisitorActivity(() => world, currentConfig, start.seed);
  const accounts = new AccountsService(currentConfig, () => tokens);
  const faults = new FaultBook();
  const log = new RequestLog();
  let control: ((ctx: RequestContext) => Promise<void>) | undefined;

  const syncScenario = () => (config.scenario === 'lively' ? live.start() : live.stop());

  const pipeline: Pipeline = {
    log,
    faults,
    revokeAll: () => tokens.revokeAll(),
    control: (ctx) => control!(ctx),
    accounts: (ctx, dc) => accounts.handle(ctx, dc),
    salesiq: (ctx, dc) => handleSalesiq(ctx, dc, { world, config, tokens }),
    console: (ctx) => handleConsole(ctx, world),
  };
  setWireClockOffset(config.clockOffsetMs);
  const certificate = await testCertificate();
  const server = await startHttpsServer(certificate, start.port, start.bindAddress, pipeline);
  let closing: Promise<void> | undefined;

  const sim: Simulator = {
    port: server.port,
    origin: `https://127.0.0.1:${server.port}`,
    chromiumArgs: chromiumArgsFor(server.port),
    certificatePem: certificate.cert,

    addChat: (chatOptions = {}) => conversationView(world.addChat(chatOptions), world),
    takeByOther: (id, operatorId) => conversationView(world.takeByOther(id, operatorId), world),
    missChat: (id) => conversationView(world.missChat(id), world),
    endChat: (id) => conversationView(world.endChat(id), world),
    visitorMessage: (id, text) => messageView(world.visitorMessage(id, text)),
    consoleReply: (id, text) => messageView(world.consoleReply(id, text)),
    deleteCanned: (id) => world.canned.remove(id),
    editCanned: (id, content) => world.canned.edit(id, content),
    setMyStatus: (status) => {
      world.setOperatorStatus(world.myId, status);
    },

    setFault: (fault) => faults.add(fault),
    clearFault: (id) => faults.clear(id),
    clearFaults: () => faults.clearAll(),
    setOutage: (on) => server.setOutage(on),

    configure(patch: ConfigPatch) {
      const previous = config;
      config = applyConfigPatch(config, patch);
      setWireClockOffset(config.clockOffsetMs);
      if (config.cannedCount !== previous.cannedCount) world.rebuildCanned();
      if (config.scenario !== previous.scenario) syncScenario();
      return structuredClone(config);
    },
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    state: (): SimulatorState => {
      world.advance();
      return {
        config: structuredClone(config),
        myOperatorId: world.myId,
        myStatus: world.me.statusCode === 1 ? 'Available' : 'Busy',
        currentDepartmentId: world.currentDepartmentId,
        conversations: [...world.chats.values()].map((chat) => ({
          portal: chat.portal,
          conversation: conversationView(chat, world),
          messages: chat.messages.map(messageView),
        })),
        tokens: tokens.all(),
        revocations: accounts.revocations.map((r) => ({ ...r })),
        authRequests: accounts.authRequests.map((r) => ({ ...r, params: { ...r.params }, scope: [...r.scope] })),
        faults: faults.list(),
      };
    },
    /** Back to the start options and a freshly generated world (same seed, same world). */
    reset(resetOptions: ResetOptions = {}) {
      live.stop();
      config = start.config;
      setWireClockOffset(config.clockOffsetMs);
      server.setOutage(false);
      world = new World(start.seed, currentConfig);
      live = new LiveScenario(world, currentConfig, start.seed);
      visitors.stop();
      visitors = new VisitorActivity(() => world, currentConfig, start.seed);
      visitors.start();
      if (!resetOptions.keepTokens) tokens = new TokenStore();
      accounts.reset();
      faults.clearAll();
      log.clear();
      syncScenario();
    },
    close() {
      closing ??= (async () => {
        live.stop();
        visitors.stop();
        setWireClockOffset(0);
        await server.close();
      })();
      return closing;
    },
  };
  control = createControlHandler(sim);
  syncScenario();
  visitors.start();
  return sim;
}
