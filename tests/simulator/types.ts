/**
 * Public types of the Zoho simulator. Wire shapes (Conversation, ChatMessage, ...) follow Zoho's
 * documented samples (Zoho's SalesIQ REST API v2 docs and its "Pick up Chat" sample response); ids and
 * times are strings on the wire because real ids exceed 2^53.
 */

export type DcLocation = 'us' | 'eu' | 'in' | 'au' | 'jp' | 'ca' | 'sa' | 'uk' | 'cn';
/** quiet: nothing happens by itself except the missed-chat deadline. lively: chats arrive on a schedule. */
export type Scenario = 'quiet' | 'lively';
/** auto: redirect at once. consent: show an Accept/Deny page. deny: behave as if the user pressed Deny. */
export type AuthMode = 'auto' | 'consent' | 'deny';
export type RefreshMode = 'ok' | 'prompt_required' | 'client_not_granted';
export type PickupMethod = 'both' | 'put-only' | 'post-only';
export type WrongMethodAnswer = 'envelope' | 'http405';
export type TakenAnswer = 'envelope' | 'attender-not-me';
export type AuthErrorsAs = 'envelope' | 'http401';
export type VisitorsApi = 'enabled' | 'disabled';
export type OperatorStatus = 'Available' | 'Busy';

export interface PortalSpec {
  screenname: string;
  name?: string;
}

/** Everything `configure()` can change while the simulator runs. */
export interface SimulatorConfig {
  authMode: AuthMode;
  /** Data centre of the signed-in account: decides `location`, `accounts-server` and token binding. */
  dc: DcLocation;
  tokenLifetimeSec: number;
  refresh: RefreshMode;
  pickupMethod: PickupMethod;
  /** How a wrong HTTP method is answered: Zoho's documented 1004 envelope (HTTP 200) or a real 405. */
  wrongMethodAnswer: WrongMethodAnswer;
  takenAnswer: TakenAnswer;
  authErrorsAs: AuthErrorsAs;
  visitorsApi: VisitorsApi;
  /** A waiting chat nobody picks up turns missed after this long; 0 = never. */
  missedAfterMs: number;
  portals: PortalSpec[];
  cannedCount: number;
  scenario: Scenario;
  /** Divides every delay of the lively scenario (tests use 50-100 to see minutes in a second). */
  liveSpeed: number;
  /** List responses also carry malformed items from the hostile corpus. */
  malformedItems: boolean;
  /** The app named on the consent page. */
  appName: string;
  /** Include the seed document's own waiting chat 19000000033103 in the first portal. */
  seedChat: boolean;
  /**
   * The operator whose Zoho account is signed in in the browser: every grant (sign-in and silent
   * renewal) is issued for it, and /portals names it as `operator_id`. Set it to another
   * operator's id to have a different account answer a renewal.
   */
  browserAccount: string;
  /** SalesIQ's clock minus this machine's: shifts every time on the wire and the `Date` header. */
  clockOffsetMs: number;
  /** Follow-up lines a minute each visitor in a connected chat writes on average; 0 = none. */
  visitorWritesPerMin: number;
  /** A visitor whose line has gone unanswered this long may leave (the chat ends); 0 = never. */
  visitorLeavesAfterMs: number;
  /** The chance (0-1) that such a visitor leaves, rolled once per unanswered stretch. */
  visitorLeaveChance: number;
}

export interface SimulatorOptions extends Partial<Omit<SimulatorConfig, 'portals'>> {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Address to bind; default 127.0.0.1. */
  bindAddress?: string;
  /** Seed of the deterministic world generator; default 1. */
  seed?: number;
  portals?: Array<string | PortalSpec>;
}

export interface OperatorRef {
  image_key: string;
  email: string;
  name: string;
  is_bot: boolean;
  id: string;
}

export interface ChatStatus {
  status_code: number;
  state: number;
  label: string;
}

export interface ConversationVisitor {
  name: string;
  id: string;
  country_code?: string;
  supported_operations: string[];
  ip?: string;
  phone?: string;
  email?: string;
  type: 'lead' | 'contact';
  channel_name: string;
  user_id?: string;
}

export type ConversationStatus = 'Waiting' | 'Connected' | 'Missed' | 'Ended';

/** A conversation as the API returns it (hostile chats deliberately break this type). */
export interface Conversation {
  reference_id: string;
  owner?: OperatorRef;
  chat_id: string;
  attender?: OperatorRef;
  type: 'chat';
  participants: OperatorRef[];
  /** Visitor lines since the operator last spoke in a connected chat; `false` when none (views.ts). */
  unread_chats: number | false;
  /** The last line said after the pickup; absent before anyone spoke (views.ts). */
  last_message_info?: {
    id: string;
    sender: { id: string; name: string; type: 'visitor' | 'operator' };
    message: { text: string };
    time: string;
  };
  chat_status: ChatStatus;
  uvid: string;
  question: string;
  notes: boolean;
  attended_time?: string;
  start_time: string;
  id: string;
  last_modified_time: string;
  status: ConversationStatus;
  app_id: string;
  department: { name: string; id: string };
  visitor: ConversationVisitor;
  missed_time?: string;
  end_time?: string;
}

export interface ChatMessage {
  id: string;
  sequence_id: string;
  sender: { id: string; name: string };
  type: 'text';
  message: { text: string };
  time: string;
}

export interface AddChatOptions {
  /** Screen name; default the first portal. */
  portal?: string;
  /** Default: the operator's current department. */
  department_id?: string;
  /** Which kind of visitor to generate when `visitor` does not say. */
  visitorKind?: 'new' | 'returning' | 'anonymous';
  visitor?: Partial<Omit<ConversationVisitor, 'supported_operations'>>;
  question?: string;
  /** Build the chat from the hostile corpus (injection strings, wrong types, missing fields). */
  hostile?: boolean;
  /** Pretend the visitor started waiting this long ago (the missed deadline counts from there). */
  startedAgoMs?: number;
}

export type FaultAction =
  | { kind: 'latency'; ms: number }
  | { kind: 'http'; status: number; retryAfterSec?: number; body?: unknown }
  | { kind: 'envelope'; code: number; message: string }
  | { kind: 'malformed' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'revokeAll' }
  /** SalesIQ acts on the request (the world changes), then the connection drops after the answer's head, before its body. */
  | { kind: 'lostAnswer' };

/**
 * A fault applies to requests whose path matches (substring, RegExp, or `pathRegex` source for JSON
 * callers) and, when given, whose method and host match. Control routes (/__sim/) are never faulted.
 */
export type Fault = FaultAction & {
  path?: string | RegExp;
  pathRegex?: string;
  method?: string;
  host?: string;
  /** How many matching requests it affects; default until cleared. */
  times?: number;
};

export interface ActiveFault {
  id: string;
  fault: Fault;
  hits: number;
  remaining: number | null;
}

export type RequestKind = 'salesiq' | 'accounts' | 'console' | 'control' | 'unknown';

export interface RequestLogEntry {
  t: number;
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  /** 0 while pending, or when the socket was reset or the request hung until close. */
  status: number;
  /** A SalesIQ call whose token was valid for its DC and scope. */
  authorized: boolean;
  /** The operator whose token a SalesIQ call carried (when the token was known). */
  account?: string;
  kind: RequestKind;
  /** Kind of the fault that shaped the answer, if any. */
  fault?: FaultAction['kind'];
}

export interface AuthRequestRecord {
  t: number;
  endpoint: 'auth' | 'refresh';
  host: string;
  params: Record<string, string>;
  responseType: string;
  clientId: string;
  scope: string[];
  state: string | undefined;
  redirectUri: string;
  outcome: 'redirected' | 'consent-shown' | 'accepted' | 'denied' | `error:${string}`;
}

export interface TokenInfo {
  token: string;
  kind: 'access' | 'refresh';
  dc: DcLocation;
  scopes: string[];
  clientId: string;
  issuedAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  /** The operator (Zoho account) the token was issued to. */
  operatorId: string;
}

export interface RevokeRecord {
  t: number;
  host: string;
  token: string;
  revoked: boolean;
}

export interface SimConversationState {
  portal: string;
  conversation: Conversation;
  messages: ChatMessage[];
}

export interface SimulatorState {
  config: SimulatorConfig;
  myOperatorId: string;
  myStatus: OperatorStatus;
  currentDepartmentId: string;
  conversations: SimConversationState[];
  tokens: TokenInfo[];
  revocations: RevokeRecord[];
  authRequests: AuthRequestRecord[];
  faults: ActiveFault[];
}

export interface ResetOptions {
  /** Keep issued tokens valid (a signed-in browser stays signed in). */
  keepTokens?: boolean;
}

export interface Simulator {
  readonly port: number;
  /** https://127.0.0.1:<port> */
  readonly origin: string;
  /** --host-resolver-rules and --ignore-certificate-errors for Chromium. */
  readonly chromiumArgs: string[];
  /** PEM of the generated test certificate. */
  readonly certificatePem: string;

  addChat(options?: AddChatOptions): Conversation;
  takeByOther(id: string, operatorId?: string): Conversation;
  missChat(id: string): Conversation;
  endChat(id: string): Conversation;
  /** A visitor line in a waiting or connected chat; without text, a generated follow-up. */
  visitorMessage(id: string, text?: string): ChatMessage;
  /** The operator (me) answers in the SalesIQ console, not through the extension. */
  consoleReply(id: string, text: string): ChatMessage;
  setMyStatus(status: OperatorStatus): void;
  /** Delete a canned response, as an admin would in SalesIQ; false if there is none. */
  deleteCanned(id: string): boolean;
  /** Rewrite a canned response's text, as an admin would in SalesIQ; false if there is none. */
  editCanned(id: string, content: string): boolean;

  setFault(fault: Fault): string;
  clearFault(id: string): void;
  clearFaults(): void;
  /**
   * A network outage as the browser sees it: while on, every TLS connection for a Zoho host is
   * dropped right after the handshake (open keep-alive connections too). Connections without a
   * Zoho server name (the HTTP control API on 127.0.0.1) still work, so a test can end it.
   */
  setOutage(on: boolean): void;

  configure(
    patch: Partial<Omit<SimulatorConfig, 'portals'>> & { portals?: Array<string | PortalSpec> },
  ): SimulatorConfig;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  state(): SimulatorState;
  reset(options?: ResetOptions): void;
  close(): Promise<void>;
}
