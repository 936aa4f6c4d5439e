/**
 * The Zoho API Console client. A "Client-based" client has no secret, so shipping its id is fine;
 * set WXT_ZOHO_CLIENT_ID at build time (see README). The placeholder works with the simulator.
 */
export const CLIENT_ID: string = import.meta.env.WXT_ZOHO_CLIENT_ID || '1000.OPERATORCOMPANIONPLACEHOLDER';

/** The least the extension needs (Zoho's SalesIQ REST API v2 docs, scopes section), plus optional enrichment. */
export const SCOPES: readonly string[] = [
  'SalesIQ.portals.READ',
  'SalesIQ.operators.READ',
  'SalesIQ.operators.UPDATE',
  'SalesIQ.departments.READ',
  'SalesIQ.conversations.READ',
  'SalesIQ.conversations.UPDATE',
  'SalesIQ.conversations.CREATE',
  'SalesIQ.cannedresponses.READ',
  'SalesIQ.visitors.READ',
  'SalesIQ.feedbacks.READ',
];
