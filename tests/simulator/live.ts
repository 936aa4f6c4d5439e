/**
 * The lively scenario: visitors arrive every 8-25 s, write follow-ups, answer the operator, and
 * other operators grab some chats first. Every timer is unref'd (a forgotten simulator never keeps
 * a test process alive) and cleared on stop. `liveSpeed` divides all delays for fast tests.
 */
import { followUp } from './data';
import { DEPARTMENT_IDS } from './org';
import { createPrng, type Prng } from './prng';
import type { SimulatorConfig } from './types';
import { WorldError, type World } from './world';
import type { ChatRecord } from './world-model';

const LIVE_STREAM = 4;

export class LiveScenario {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly prng: Prng;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly world: World,
    private readonly config: () => SimulatorConfig,
    seed: number,
  ) {
    this.prng = createPrng(seed).fork(LIVE_STREAM);
  }

  get running(): boolean {
    return this.unsubscribe !== undefined;
  }

  start(): void {
    if (this.running) return;
    this.unsubscribe = this.world.on((event) => {
      if (event.type === 'operator-message') this.visitorAnswers(event.chat);
    });
    // Start with a couple of waiting chats so a fresh demo is not empty.
    this.arrive(false);
    this.arrive(false);
    this.scheduleArrival();
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private after(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        action();
      } catch (error) {
        // The chat moved on meanwhile (picked up, missed, ended): the event simply does not happen.
        if (!(error instanceof WorldError)) throw error;
      }
    }, ms / this.config().liveSpeed);
    timer.unref();
    this.timers.add(timer);
  }

  private scheduleArrival(): void {
    this.after(this.prng.int(8_000, 25_000), () => {
      this.arrive(true);
      this.scheduleArrival();
    });
  }

  private arrive(withFate: boolean): void {
    const roll = this.prng.next();
    const department_id =
      roll < 0.6 ? DEPARTMENT_IDS.zylker : roll < 0.85 ? DEPARTMENT_IDS.sales : DEPARTMENT_IDS.support;
    const chat = this.world.addChat({ department_id });
    if (withFate) this.planFate(chat);
  }

  private planFate(chat: ChatRecord): void {
    if (this.prng.chance(0.35)) {
      this.after(this.prng.int(5_000, 40_000), () => {
        if (chat.state !== 'waiting') return;
        this.world.takeByOther(chat.id);
        this.after(this.prng.int(30_000, 120_000), () => this.world.endChat(chat.id));
      });
    }
    const followUps = this.prng.int(0, 2);
    for (let i = 0; i < followUps; i += 1) {
      this.after(this.prng.int(4_000, 30_000), () =>
        this.world.visitorMessage(chat.id, followUp(this.prng, chat.visitor.locale)),
      );
    }
  }

  private visitorAnswers(chat: ChatRecord): void {
    this.after(this.prng.int(2_000, 6_000), () =>
      this.world.visitorMessage(chat.id, followUp(this.prng, chat.visitor.locale)),
    );
  }
}
