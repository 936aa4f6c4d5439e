/**
 * Visitors in connected chats: they write follow-up lines at random (`visitorWritesPerMin`, per
 * chat) and may leave (`visitorLeaveChance`) once their line has gone unanswered for
 * `visitorLeavesAfterMs`. Both are off by default (0), so existing tests see a still world. One
 * unref'd one-second tick drives every chat; the rolls come from a seeded PRNG stream in chat-id
 * order, so one seed gives one sequence of events.
 */
import { followUp } from './data';
import { createPrng, type Prng } from './prng';
import type { SimulatorConfig } from './types';
import { unreadSincePickup } from './views';
import type { World } from './world';
import type { ChatRecord } from './world-model';

const ACTIVITY_STREAM = 5;
const TICK_MS = 1_000;

export class VisitorActivity {
  private readonly prng: Prng;
  private timer: NodeJS.Timeout | undefined;
  /** Unanswered stretches (chat id + first unanswered line) whose "leave or stay" was rolled. */
  private readonly decided = new Set<string>();

  constructor(
    private readonly world: () => World,
    private readonly config: () => SimulatorConfig,
    seed: number,
  ) {
    this.prng = createPrng(seed).fork(ACTIVITY_STREAM);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One second of visitor behaviour (public for tests that step time themselves). */
  tick(now: number = Date.now()): void {
    const { visitorWritesPerMin, visitorLeavesAfterMs, visitorLeaveChance } = this.config();
    if (visitorWritesPerMin <= 0 && visitorLeavesAfterMs <= 0) return;
    const world = this.world();
    world.advance(now);
    const connected = [...world.chats.values()]
      .filter((chat) => chat.state === 'connected')
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const chat of connected) {
      if (visitorLeavesAfterMs > 0 && this.leaves(chat, now, visitorLeavesAfterMs, visitorLeaveChance)) {
        world.endChat(chat.id, now);
        continue;
      }
      if (visitorWritesPerMin > 0 && this.prng.chance(Math.min(1, visitorWritesPerMin / 60))) {
        world.visitorMessage(chat.id, followUp(this.prng, chat.visitor.locale), now);
      }
    }
  }

  private leaves(chat: ChatRecord, now: number, afterMs: number, chance: number): boolean {
    const unread = unreadSincePickup(chat);
    if (unread === 0) return false;
    const firstUnanswered = chat.messages[chat.messages.length - unread]!;
    if (now - firstUnanswered.time < afterMs) return false;
    const key = `${chat.id}:${firstUnanswered.id}`;
    if (this.decided.has(key)) return false;
    this.decided.add(key);
    return this.prng.chance(chance);
  }
}
