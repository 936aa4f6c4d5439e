/**
 * Every error the SalesIQ stand-in answers with, in one place. 1001-1006 are Zoho's documented
 * codes; the rest are the simulator's own choices for undocumented cases (marked [?] in
 * Zoho documents no code for them), picked so clients must branch on the code, never on the message.
 */
export interface ApiError {
  code: number;
  message: string;
  json_key?: string;
  param?: string;
  header?: string;
}

export const API_ERRORS = {
  /** [doc] 1002: missing, malformed, unknown, expired, revoked or other-DC token. */
  invalidAuthorization: (): ApiError => ({
    code: 1002,
    message: 'Invalid Authorization header',
    header: 'Authorization',
  }),
  /** [?] 1003: the token lacks the endpoint's scope. */
  noPermission: (detail: string): ApiError => ({ code: 1003, message: `No permission: ${detail}` }),
  /** [doc] 1004: wrong HTTP method. */
  invalidRequestType: (): ApiError => ({ code: 1004, message: 'Invalid request type' }),
  /** [doc] 1005 */
  invalidScreenName: (): ApiError => ({ code: 1005, message: 'Invalid portal or screen name' }),
  /** [doc] 1006 */
  invalidUrl: (): ApiError => ({ code: 1006, message: 'Invalid URL' }),
  /** [?] 1007: a JSON body key is missing or has the wrong type, or the body is not JSON. */
  invalidJsonKey: (key: string): ApiError => ({
    code: 1007,
    message: `Invalid or missing value for ${key}`,
    json_key: key,
  }),
  invalidBody: (): ApiError => ({ code: 1007, message: 'Invalid JSON in request body' }),
  /** [?] 1008: a query parameter is out of range or unknown (e.g. limit > 99). */
  invalidParam: (param: string): ApiError => ({
    code: 1008,
    message: `Invalid value for the parameter ${param}`,
    param,
  }),
  /** [?] 1010: no such conversation / operator / department / canned response in this portal. */
  notFound: (what: string): ApiError => ({ code: 1010, message: `Invalid ${what}` }),
  /** [?] 1018: another operator picked the chat up first. */
  alreadyTaken: (): ApiError => ({ code: 1018, message: 'Chat already picked up by another operator' }),
  /** [?] 1019: the chat's state does not allow this (missed, ended, not connected to you). */
  wrongState: (message: string): ApiError => ({ code: 1019, message }),
  /** [doc message, ? code] the portal has not enabled visitor API access. */
  visitorsDisabled: (): ApiError => ({ code: 1021, message: 'Visitor Feature not enabled in this plan' }),
  /** [?] 1022 */
  noFeedback: (): ApiError => ({ code: 1022, message: 'No feedback available for this conversation' }),
  /** [doc] 1001 */
  internal: (): ApiError => ({ code: 1001, message: 'Unknown error' }),
} as const;
