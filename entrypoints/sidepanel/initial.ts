import type { ChatRecord, FocusRecord, SessionInfo } from '../../lib/records';
import { readMetaValue, readRecord } from '../../lib/db-read';
import type { TranscriptRecord, VisitorCardRecord } from '../../lib/visitor/records';
import { earlyRead } from '../../lib/ui/early-read';

/**
 * The first paint, read before the first render. Each live read would otherwise start after a
 * frame and wait for the one before it (session → focus → card), which costs the panel several
 * frames before the visitor shows. Read once here, all in parallel where possible, and the hooks
 * start from these values; their live reads keep them current from then on.
 */
interface Primed {
  session: SessionInfo | undefined;
  focus: FocusRecord | undefined;
  conversationId?: string;
  card?: VisitorCardRecord;
  chat?: ChatRecord;
  transcript?: TranscriptRecord;
}

const ID = /^[\w$.:-]{1,80}$/;
/** If IndexedDB is slow to open, paint the frame now and let the live reads fill it in. */
const PRIME_BUDGET_MS = 400;

let primed: Primed | undefined;

/** The chat named in the page URL (`?conversation=`), as the popup's "Visitor history" opens it. */
export function urlConversation(): string | undefined {
  const id = new URLSearchParams(location.search).get('conversation') ?? undefined;
  return id && ID.test(id) ? id : undefined;
}

/** `&compose=1`: opened by a notification's *Reply*, so the reply box takes the keyboard. */
export function urlCompose(): boolean {
  return new URLSearchParams(location.search).get('compose') === '1';
}

async function read(): Promise<Primed> {
  const fromUrl = urlConversation();
  const [session, focus, early] = await Promise.all([
    readMetaValue('session'),
    readMetaValue('focus'),
    fromUrl ? readConversation(fromUrl) : undefined,
  ]);
  const conversationId = fromUrl ?? focus?.conversationId;
  const records = early ?? (conversationId ? await readConversation(conversationId) : {});
  return { session, focus, conversationId, ...records };
}

async function readConversation(id: string) {
  const [card, chat, transcript] = await Promise.all([
    readRecord('visitors', id),
    readRecord('chats', id),
    readRecord('transcripts', id),
  ]);
  return { card, chat, transcript };
}

/** Started by entrypoints/sidepanel-early while the panel's modules load (lib/ui/early-read.ts). */
export const firstRead = earlyRead('sidepanel', read);

export async function prime(): Promise<void> {
  const budget = new Promise<undefined>((resolve) => setTimeout(resolve, PRIME_BUDGET_MS, undefined));
  primed = await Promise.race([firstRead.take().catch(() => undefined), budget]);
}

/** The primed meta record, or null ("not read yet") when priming did not finish. */
export function primedMeta<K extends 'session' | 'focus'>(key: K): Primed[K] | null {
  return primed ? primed[key] : null;
}

/** The primed record of the conversation about to be shown, or null when it was not primed. */
export function primedRecord<K extends 'card' | 'chat' | 'transcript'>(
  key: K,
  conversationId: string,
): Primed[K] | null {
  return primed && primed.conversationId === conversationId ? primed[key] : null;
}
