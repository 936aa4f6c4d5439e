/**
 * The world a simulator starts with: returning visitors with earlier ended chats (transcripts and
 * some feedback, so "earlier conversations by email" has answers), a few missed and connected
 * chats, browsing-only visitors for the v3 visitor list, and the seed document's own waiting chat.
 * In the quiet scenario that seed chat is the only waiting one: tests add the rest explicitly.
 */
import { appendMessage, chatRecord, newVisitor, anonymous, setChatState, visitorRecord } from './chat-factory';
import { feedback, followUp, operatorReply, personaVisitor, randomPersona } from './data';
import { FIXED_IDS, type IdSequences } from './ids';
import { DEPARTMENT_IDS } from './org';
import type { Prng } from './prng';
import { SEED_PICKUP_RESPONSE, SEED_SCREEN_NAME } from './seed-sample';
import type { SimulatorConfig } from './types';
import type { ChatRecord, OperatorRecord, VisitorRecord } from './world-model';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface InitialWorld {
  visitors: VisitorRecord[];
  returning: VisitorRecord[];
  chats: ChatRecord[];
}

interface PopulateContext {
  prng: Prng;
  ids: IdSequences;
  now: number;
  operators: OperatorRecord[];
}

export function populateWorld(ctx: PopulateContext, config: SimulatorConfig): InitialWorld {
  const { prng, ids, now } = ctx;
  const visitors: VisitorRecord[] = [];
  const chats: ChatRecord[] = [];

  const returning = distinctPersonaVisitors(ctx, 6);
  visitors.push(...returning);

  config.portals.forEach((portal, index) => {
    const history = index === 0 ? returning : returning.slice(0, 2);
    for (const visitor of history) {
      const count = prng.int(1, 3);
      for (let i = 0; i < count; i += 1) chats.push(endedChat(ctx, portal.screenname, visitor));
    }
    for (let i = 0; i < (index === 0 ? 3 : 1); i += 1) {
      const visitor = prng.chance(0.5) ? anonymous(prng, ids, now) : newVisitor(prng, ids, now, visitors.length);
      visitors.push(visitor);
      const chat = chatRecord(prng, ids, {
        portal: portal.screenname,
        visitor,
        departmentId: DEPARTMENT_IDS.zylker,
        startTime: now - prng.int(2, 300) * MINUTE,
      });
      setChatState(chat, 'missed', chat.startTime + 60_000);
      chats.push(chat);
    }
    if (index === 0) chats.push(...connectedChats(ctx, portal.screenname, visitors));
  });

  for (let i = 0; i < 30; i += 1) visitors.push(newVisitor(prng, ids, now, visitors.length));

  if (config.seedChat && config.portals.some((p) => p.screenname === SEED_SCREEN_NAME)) {
    const seed = seedChat(ctx);
    visitors.push(seed.visitor);
    chats.push(seed);
  }
  return { visitors, returning, chats };
}

function distinctPersonaVisitors(ctx: PopulateContext, count: number): VisitorRecord[] {
  const seen = new Set<string>();
  const out: VisitorRecord[] = [];
  while (out.length < count) {
    const persona = randomPersona(ctx.prng);
    if (seen.has(persona.emailLocal)) continue;
    seen.add(persona.emailLocal);
    out.push(visitorRecord(ctx.prng, ctx.ids, personaVisitor(ctx.prng, persona), ctx.now));
  }
  return out;
}

function operatorsOf(ctx: PopulateContext, departmentId: string): OperatorRecord[] {
  return ctx.operators.filter((op) => op.departmentIds.includes(departmentId));
}

/** An earlier conversation: attended, a short transcript, ended, sometimes rated. */
function endedChat(ctx: PopulateContext, portal: string, visitor: VisitorRecord): ChatRecord {
  const { prng, ids, now } = ctx;
  const departmentId = prng.chance(0.7) ? DEPARTMENT_IDS.zylker : DEPARTMENT_IDS.sales;
  const start = now - prng.int(1, 90) * DAY - prng.int(0, 600) * MINUTE;
  const chat = chatRecord(prng, ids, { portal, visitor, departmentId, startTime: start });
  const operator = prng.chance(0.5) ? ctx.operators[0]! : prng.pick(operatorsOf(ctx, departmentId));
  let time = start + prng.int(5, 50) * 1000;
  setChatState(chat, 'connected', time, operator.id);
  for (let i = 0; i < prng.int(2, 6); i += 1) {
    time += prng.int(10, 120) * 1000;
    if (i % 2 === 0) appendMessage(chat, ids, operator.id, operator.nickName, operatorReply(prng), time);
    else appendMessage(chat, ids, visitor.id, visitor.name, followUp(prng, visitor.locale), time);
  }
  time += prng.int(30, 300) * 1000;
  setChatState(chat, 'ended', time);
  if (prng.chance(0.5)) {
    const rated = feedback(prng);
    chat.feedback = { rating: rated.rating, label: rated.label, text: rated.text, time: time + 5000 };
  }
  return chat;
}

/** One chat with another operator and one with Patricia, both still open. */
function connectedChats(ctx: PopulateContext, portal: string, visitors: VisitorRecord[]): ChatRecord[] {
  const { prng, ids, now } = ctx;
  const other = ctx.operators[1]!;
  const me = ctx.operators[0]!;
  const out: ChatRecord[] = [];
  for (const [operator, departmentId] of [
    [other, DEPARTMENT_IDS.zylker],
    [me, DEPARTMENT_IDS.sales],
  ] as const) {
    const visitor = newVisitor(prng, ids, now, visitors.length);
    visitors.push(visitor);
    const chat = chatRecord(prng, ids, { portal, visitor, departmentId, startTime: now - prng.int(3, 20) * MINUTE });
    setChatState(chat, 'connected', chat.startTime + prng.int(5, 40) * 1000, operator.id);
    appendMessage(chat, ids, operator.id, operator.nickName, operatorReply(prng), chat.attendedTime! + 2000);
    out.push(chat);
  }
  return out;
}

/** The seed document's chat, waiting, so that picking it up returns the documented sample. */
function seedChat(ctx: PopulateContext): ChatRecord {
  const sample = SEED_PICKUP_RESPONSE.data;
  const visitor: VisitorRecord = {
    id: FIXED_IDS.seedVisitor,
    name: sample.visitor.name,
    email: sample.visitor.email,
    phone: sample.visitor.phone,
    countryCode: sample.visitor.country_code,
    ip: sample.visitor.ip,
    type: sample.visitor.type,
    userId: sample.visitor.user_id,
    uvid: sample.uvid,
    locale: 'en',
    leadScore: 42,
    visitCount: 7,
    firstAccessTime: Number(sample.start_time) - 30 * DAY,
    lastAccessTime: Number(sample.start_time),
    visitSource: 'Google',
  };
  const start = Number(sample.start_time);
  return {
    id: sample.id,
    portal: SEED_SCREEN_NAME,
    referenceId: sample.reference_id,
    chatId: sample.chat_id,
    uvid: sample.uvid,
    appId: sample.app_id,
    question: sample.question,
    departmentId: sample.department.id,
    visitor,
    state: 'waiting',
    startTime: start,
    // The documented start time is years old; the missed deadline counts from the simulator's start.
    waitingSince: ctx.now,
    lastModifiedTime: start,
    participantIds: [],
    messages: [
      {
        id: ctx.ids.message.take(),
        sequence: 1,
        senderId: visitor.id,
        senderName: visitor.name,
        text: sample.question,
        time: start,
      },
    ],
    pinnedPickupTime: Number(sample.attended_time),
  };
}
