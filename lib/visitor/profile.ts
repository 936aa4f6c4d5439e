import { withAuth } from '../auth/session';
import { listVisitorsV3Page } from '../salesiq/api';
import { SalesIQError } from '../salesiq/errors';
import type { VisitorProfile } from '../salesiq/types';
import type { ProfileState } from './records';

/**
 * Lead score, visit count and first visit come from the v3 visitor list, which portals must
 * enable ("API Permissions › Basic visitor information"). It has no lookup by id, so a few pages
 * are scanned; beyond that the card simply goes without.
 */
const MAX_PAGES = 3;
const PAGE_SIZE = 200;

export interface ProfileLookup {
  state: ProfileState;
  profile?: VisitorProfile;
}

/** Zoho answers "Visitor Feature not enabled in this plan"; a token without the scope is the same to the operator. */
function isVisitorsApiDisabled(error: unknown): boolean {
  if (!(error instanceof SalesIQError)) return false;
  return error.kind === 'permission' || /not enabled/i.test(error.message);
}

export async function findVisitorProfile(visitorId: string): Promise<ProfileLookup> {
  let nextKey: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await withAuth((t) => listVisitorsV3Page(t, { limit: PAGE_SIZE, nextKey }));
      const profile = result.items.find((v) => v.id === visitorId);
      if (profile) return { state: 'found', profile };
      if (!result.nextKey) break;
      nextKey = result.nextKey;
    }
    return { state: 'not-found' };
  } catch (error) {
    if (isVisitorsApiDisabled(error)) return { state: 'disabled' };
    throw error;
  }
}
