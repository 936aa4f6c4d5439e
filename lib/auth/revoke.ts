import { asSalesIQError } from '../salesiq/errors';
import { zohoRequest } from '../salesiq/request';

/**
 * Revoke a token at its own data centre's accounts server (the request function refuses any other
 * host). Best effort: offline, the token simply expires within the hour. True when Zoho confirmed.
 */
export async function revokeToken(token: { token: string; location: string }, accountsHost: string): Promise<boolean> {
  try {
    await zohoRequest({
      method: 'POST',
      url: `https://${accountsHost}/oauth/v2/token/revoke`,
      auth: { ...token, placement: 'query' },
      envelope: false,
      timeoutMs: 8_000,
    });
    return true;
  } catch (error) {
    console.warn('Token revoke failed:', asSalesIQError(error).kind);
    return false;
  }
}
