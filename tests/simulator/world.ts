/**
 * The live world: organisation, visitors, chats and canned responses, and every state change a
 * chat can go through. API handlers, the control API and the lively scenario all mutate it only
 * through these methods, so a chat's timestamps and people always agree with its status.
 *
 * The missed deadline is applied lazily (`advance`) from each chat's `waitingSince`: no timer per
 * chat, and the missed_time is exact however late somebody looks.
 */
import { CannedLibrary } from './canned';
import { followUp } from './data';
import { anonymous, appendMessage, chatRecord, newVisitor, setChatState } from './chat-factory';
import {
  allHostileStrings,
  HOSTILE_OMITTED_KEYS,
  hostileConversationOverrides,
  hostileString,
  hugeText,
  INJECTION_STRINGS,
} from './hostile';
import { createIdSequences, FIXED_IDS, type IdSequences } from './ids';
import { createDepartments, createOperators } from './org';
import { createPrng, type Prng } from './prng';
import type { AddChatOptions, OperatorStatus, SimulatorConfig } from './types';
import type { Directory } from './views';
import { populateWorld } from './world-populate';
import type { ChatRecord, DepartmentRecord, MessageRecord, OperatorRecord, VisitorRecord } from './world-model';

export class WorldError extends Error {
  constructor(
    readonly reason: 'not_found' | 'bad_state' | 'bad_input',
    message: string,
  ) {
    super(message);
  }
}

export type WorldEvent = { type: 'operator-message'; chat: ChatRecord };

/** PRNG streams: one per concern, so e.g. a bigger canned library never changes the chats. */
const STREAM = { populate: 1, commands: 2, canned: 3 } as const;

export class World implements Directory {
  readonly myId = FIXED_IDS.me;
  readonly operators: OperatorRecord[] = createOperators();
  readonly departments: DepartmentRecord[] = createDepartments();
  readonly visitors: VisitorRecord[];
  readonly chats = new Map<string, ChatRecord>();
  canned: CannedLibrary;

  private readonly returning: VisitorRecord[];
  private readonly ids: IdSequences = createIdSequences();
  private readonly prng: Prng;
  private readonly listeners = new Set<(event: WorldEvent) => void>();

  constructor(
    private readonly seed: number,
    private readonly config: () => SimulatorConfig,
    now: number = Date.now(),
  ) {
    const root = createPrng(seed);
    this.prng = root.fork(STREAM.commands);
    const initial = populateWorld(
      { prng: root.fork(STREAM.populate), ids: this.ids, now, operators: this.operators },
      config(),
    );
    this.visitors = initial.visitors;
    this.returning = initial.returning;
    for (const chat of initial.chats) this.chats.set(chat.id, chat);
    this.canned = this.buildCanned(now);
  }

  get me(): OperatorRecord {
    return this.operators[0]!;
  }

  get currentDepartmentId(): string {
    return this.me.departmentIds[0]!;
  }

  operator(id: string): OperatorRecord | undefined {
    return this.operators.find((op) => op.id === id);
  }

  department(id: string): DepartmentRecord | undefined {
    return this.departments.find((d) => d.id === id);
  }

  hasPortal(screenname: string): boolean {
    return this.config().portals.some((p) => p.screenname === screenname);
  }

  on(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  rebuildCanned(now: number = Date.now()): void {
    this.canned = this.buildCanned(now);
  }

  private buildCanned(now: number): CannedLibrary {
    return new CannedLibrary(
      createPrng(this.seed).fork(STREAM.canned),
      this.config().cannedCount,
      this.departments.map((d) => d.id),
      this.operators.map((op) => op.id),
      now,
    );
  }

  /** Applies the missed deadline to every waiting chat whose time is up. */
  advance(now: number = Date.now()): void {
    const after = this.config().missedAfterMs;
    if (after <= 0) return;
    for (const chat of this.chats.values()) {
      if (chat.state === 'waiting' && now >= chat.waitingSince + after)
        setChatState(chat, 'missed', chat.waitingSince + after);
    }
  }

  /** Chats of one portal in creation order, with the missed deadline applied. */
  chatsOf(portal: string, now: number = Date.now()): ChatRecord[] {
    this.advance(now);
    return [...this.chats.values()].filter((chat) => chat.portal === portal);
  }

  chat(id: string, now: number = Date.now()): ChatRecord {
    this.advance(now);
    const chat = this.chats.get(id);
    if (!chat) throw new WorldError('not_found', `no conversation ${id}`);
    return chat;
  }

  addChat(options: AddChatOptions = {}, now: number = Date.now()): ChatRecord {
    const portal = options.portal ?? this.config().portals[0]!.screenname;
    if (!this.hasPortal(portal)) throw new WorldError('bad_input', `no portal ${portal}`);
    const departmentId = options.department_id ?? this.currentDepartmentId;
    if (!this.department(departmentId)) throw new WorldError('bad_input', `no department ${departmentId}`);
    const visitor = this.visitorFor(options, now);
    const startTime = now - Math.max(0, options.startedAgoMs ?? 0);
    const hostile = options.hostile === true;
    const question = options.question ?? (hostile ? this.prng.pick(INJECTION_STRINGS) : undefined);
    const chat = chatRecord(this.prng, this.ids, { portal, visitor, departmentId, startTime, question });
    if (hostile) {
      chat.overrides = hostileConversationOverrides(this.prng);
      chat.omitKeys = HOSTILE_OMITTED_KEYS;
      // The transcript carries the whole corpus, ending with the ~100 kB message.
      [...allHostileStrings(), hugeText()].forEach((text, i) =>
        appendMessage(chat, this.ids, visitor.id, visitor.name, text, startTime + i + 1),
      );
    }
    this.chats.set(chat.id, chat);
    return chat;
  }

  private visitorFor(options: AddChatOptions, now: number): VisitorRecord {
    const wanted = options.visitor ?? {};
    if (wanted.email) {
      const known = this.visitors.find((v) => v.email?.toLowerCase() === wanted.email!.toLowerCase());
      if (known) return known;
    }
    let visitor: VisitorRecord;
    if (options.hostile) {
      visitor = newVisitor(this.prng, this.ids, now, this.visitors.length);
      visitor.name = hostileString(this.prng);
      visitor.email = `x${this.visitors.length}@example.com"><img src=x onerror=alert(1)>`;
    } else {
      const kind =
        options.visitorKind ?? this.prng.pick(['new', 'new', 'new', 'returning', 'returning', 'anonymous'] as const);
      if (kind === 'returning' && Object.keys(wanted).length === 0) return this.prng.pick(this.returning);
      visitor =
        kind === 'anonymous'
          ? anonymous(this.prng, this.ids, now)
          : newVisitor(this.prng, this.ids, now, this.visitors.length);
    }
    Object.assign(
      visitor,
      definedOnly({
        id: wanted.id,
        name: wanted.name,
        email: wanted.email,
        phone: wanted.phone,
        countryCode: wanted.country_code,
        ip: wanted.ip,
        type: wanted.type,
        userId: wanted.user_id,
      }),
    );
    this.visitors.push(visitor);
    return visitor;
  }

  /** Another operator answers a waiting chat (the race the extension's user can lose). */
  takeByOther(id: string, operatorId?: string, now: number = Date.now()): ChatRecord {
    const chat = this.requireState(id, ['waiting'], now);
    const candidates = this.operators.filter((op) => op.id !== this.myId);
    const inDepartment = candidates.filter((op) => op.departmentIds.includes(chat.departmentId));
    const operator = operatorId
      ? candidates.find((op) => op.id === operatorId)
      : this.prng.pick(inDepartment.length ? inDepartment : candidates);
    if (!operator) throw new WorldError('bad_input', `no other operator ${operatorId}`);
    setChatState(chat, 'connected', now, operator.id);
    return chat;
  }

  pickUp(chat: ChatRecord, operatorId: string, now: number = Date.now()): void {
    setChatState(chat, 'connected', chat.pinnedPickupTime ?? now, operatorId);
  }

  missChat(id: string, now: number = Date.now()): ChatRecord {
    const chat = this.requireState(id, ['waiting'], now);
    setChatState(chat, 'missed', now);
    return chat;
  }

  endChat(id: string, now: number = Date.now()): ChatRecord {
    const chat = this.requireState(id, ['waiting', 'connected'], now);
    setChatState(chat, 'ended', now);
    return chat;
  }

  transfer(chat: ChatRecord, departmentId: string, operatorId: string | undefined, now: number = Date.now()): void {
    chat.departmentId = departmentId;
    if (operatorId) setChatState(chat, 'connected', now, operatorId);
    else setChatState(chat, 'waiting', now);
  }

  visitorMessage(id: string, text?: string, now: number = Date.now()): MessageRecord {
    const chat = this.requireState(id, ['waiting', 'connected'], now);
    const line = text ?? followUp(this.prng, chat.visitor.locale);
    return appendMessage(chat, this.ids, chat.visitor.id, chat.visitor.name, line, now);
  }

  /** I answer in the SalesIQ console (not through the API): the same line, as the visitor sees it. */
  consoleReply(id: string, text: string, now: number = Date.now()): MessageRecord {
    const chat = this.requireState(id, ['connected'], now);
    if (chat.attenderId !== this.myId) throw new WorldError('bad_state', `conversation ${id} is not connected to you`);
    return this.operatorMessage(chat, this.me, text, now);
  }

  operatorMessage(chat: ChatRecord, operator: OperatorRecord, text: string, now: number = Date.now()): MessageRecord {
    const message = appendMessage(chat, this.ids, operator.id, operator.nickName, text, now);
    for (const listener of this.listeners) listener({ type: 'operator-message', chat });
    return message;
  }

  setOperatorStatus(operatorId: string, status: OperatorStatus): OperatorRecord {
    const operator = this.operator(operatorId);
    if (!operator) throw new WorldError('not_found', `no operator ${operatorId}`);
    operator.statusCode = status === 'Available' ? 1 : 3;
    return operator;
  }

  private requireState(id: string, states: ChatRecord['state'][], now: number): ChatRecord {
    const chat = this.chat(id, now);
    if (!states.includes(chat.state)) {
      throw new WorldError('bad_state', `conversation ${id} is ${chat.state}, expected ${states.join(' or ')}`);
    }
    return chat;
  }
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
