/**
 * Zoho Accounts on every accounts.<dc> host: the implicit and code grants, silent renewal, the
 * token endpoint and revocation. Sign-in may start on any accounts host; the redirect then names
 * the account's own DC (`location`, `accounts-server`), and every later call must go there.
 */
import type { DataCentre } from '../../lib/salesiq/data-centres';
import { apiDomain, dataCentre, locationOf } from './hosts';
import { parseBody, queryRecord, redirect, sendHtml, sendJson, type RequestContext } from './http-util';
import { accountsErrorPage, consentPage } from './pages';
import { parseScopes, type TokenStore } from './tokens';
import type { AuthRequestRecord, RevokeRecord, SimulatorConfig } from './types';

interface PendingConsent {
  record: AuthRequestRecord;
  scopes: string[];
}

const ACCOUNT_EMAIL = 'patricia@zylker.com';

export class AccountsService {
  readonly authRequests: AuthRequestRecord[] = [];
  readonly revocations: RevokeRecord[] = [];
  private readonly pending = new Map<string, PendingConsent>();
  private consentSequence = 0;

  constructor(
    private readonly config: () => SimulatorConfig,
    private readonly tokens: () => TokenStore,
  ) {}

  reset(): void {
    this.authRequests.length = 0;
    this.revocations.length = 0;
    this.pending.clear();
  }

  async handle(ctx: RequestContext, hostDc: DataCentre): Promise<void> {
    const route = `${ctx.method} ${ctx.path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /oauth/v2/auth':
        return this.authorize(ctx, hostDc, 'auth');
      case 'GET /oauth/v2/auth/refresh':
        return this.authorize(ctx, hostDc, 'refresh');
      case 'POST /oauth/v2/auth/consent':
        return this.decide(ctx);
      case 'POST /oauth/v2/token':
        return this.token(ctx, hostDc);
      case 'POST /oauth/v2/token/revoke':
        return this.revoke(ctx, hostDc);
      default:
        if (/^\/oauth\/v2\/(auth|auth\/refresh|token|token\/revoke)$/.test(ctx.path)) {
          sendJson(
            ctx.res,
            405,
            { error: 'invalid_request_method' },
            { Allow: ctx.path.startsWith('/oauth/v2/auth') ? 'GET' : 'POST' },
          );
        } else {
          sendHtml(ctx.res, 404, accountsErrorPage('Page not found'));
        }
    }
  }

  private authorize(ctx: RequestContext, hostDc: DataCentre, endpoint: AuthRequestRecord['endpoint']): void {
    const q = ctx.query;
    const record: AuthRequestRecord = {
      t: Date.now(),
      endpoint,
      host: ctx.host,
      params: queryRecord(q),
      responseType: q.get('response_type') ?? '',
      clientId: q.get('client_id') ?? '',
      scope: (q.get('scope') ?? '').split(',').filter(Boolean),
      state: q.get('state') ?? undefined,
      redirectUri: q.get('redirect_uri') ?? '',
      outcome: 'redirected',
    };
    this.authRequests.push(record);

    // Without a usable client or redirect URI there is nowhere safe to send the user: show a page.
    if (!record.clientId) return this.errorPage(ctx, record, 'invalid_client', 'Invalid client: client_id is missing.');
    if (!isHttpsUrl(record.redirectUri)) {
      return this.errorPage(ctx, record, 'invalid_redirect_uri', 'Invalid redirect URI.');
    }
    if (record.responseType !== 'token' && record.responseType !== 'code') {
      return this.redirectError(ctx, record, 'unsupported_response_type');
    }
    const scopes = parseScopes(q.get('scope'));
    if (!scopes) return this.redirectError(ctx, record, 'invalid_scope');

    const config = this.config();
    if (endpoint === 'refresh') {
      // Silent renewal only works on the account's own accounts server.
      if (locationOf(hostDc) !== config.dc) return this.redirectError(ctx, record, 'invalid_client');
      if (config.refresh !== 'ok') return this.redirectError(ctx, record, config.refresh);
      return this.grant(ctx, record, scopes);
    }
    if (config.authMode === 'deny') return this.redirectError(ctx, record, 'access_denied', 'denied');
    if (config.authMode === 'consent') {
      this.consentSequence += 1;
      const requestId = `consent-${this.consentSequence}-${Date.now().toString(36)}`;
      this.pending.set(requestId, { record, scopes });
      record.outcome = 'consent-shown';
      sendHtml(ctx.res, 200, consentPage({ appName: config.appName, account: ACCOUNT_EMAIL, scopes, requestId }));
      return;
    }
    this.grant(ctx, record, scopes);
  }

  private async decide(ctx: RequestContext): Promise<void> {
    const form = parseBody(await ctx.readBody(), 'application/x-www-form-urlencoded') ?? {};
    const pending = this.pending.get(String(form.request ?? ''));
    if (!pending) {
      sendHtml(ctx.res, 400, accountsErrorPage('This sign-in request has expired. Please start again.'));
      return;
    }
    this.pending.delete(String(form.request));
    if (form.decision === 'accept') {
      pending.record.outcome = 'accepted';
      this.grant(ctx, pending.record, pending.scopes, 'accepted');
    } else {
      this.redirectError(ctx, pending.record, 'access_denied', 'denied');
    }
  }

  /** Issues a token (implicit) or a code and redirects with Zoho's DC hints. */
  private grant(
    ctx: RequestContext,
    record: AuthRequestRecord,
    scopes: string[],
    outcome: AuthRequestRecord['outcome'] = 'redirected',
  ): void {
    const config = this.config();
    const dc = dataCentre(config.dc);
    const params = new URLSearchParams();
    if (record.responseType === 'token') {
      const token = this.tokens().issueAccess(
        config.dc,
        scopes,
        record.clientId,
        config.tokenLifetimeSec,
        config.browserAccount,
      );
      params.set('access_token', token.token);
      params.set('token_type', 'Bearer');
      params.set('expires_in', String(config.tokenLifetimeSec));
    } else {
      const code = this.tokens().issueCode({
        dc: config.dc,
        scopes,
        clientId: record.clientId,
        redirectUri: record.redirectUri,
        offline: record.params.access_type === 'offline',
      });
      params.set('code', code);
    }
    params.set('location', dc.location);
    params.set('accounts-server', `https://${dc.accountsHost}`);
    params.set('api_domain', apiDomain(dc));
    if (record.state !== undefined) params.set('state', record.state);
    record.outcome = outcome;
    redirect(ctx.res, withParams(record.redirectUri, params, record.responseType === 'token'));
  }

  private redirectError(
    ctx: RequestContext,
    record: AuthRequestRecord,
    error: string,
    outcome?: AuthRequestRecord['outcome'],
  ): void {
    record.outcome = outcome ?? `error:${error}`;
    const params = new URLSearchParams({ error });
    if (record.state !== undefined) params.set('state', record.state);
    redirect(ctx.res, withParams(record.redirectUri, params, record.responseType !== 'code'));
  }

  private errorPage(ctx: RequestContext, record: AuthRequestRecord, error: string, message: string): void {
    record.outcome = `error:${error}`;
    sendHtml(ctx.res, 400, accountsErrorPage(message));
  }

  private async token(ctx: RequestContext, hostDc: DataCentre): Promise<void> {
    const params = {
      ...queryRecord(ctx.query),
      ...stringRecord(parseBody(await ctx.readBody(), ctx.req.headers['content-type']) ?? {}),
    };
    const config = this.config();
    const store = this.tokens();
    const dc = dataCentre(config.dc);
    const answer = (scopes: string[], clientId: string, operatorId: string, parent?: string, refreshToken?: string) => {
      const access = store.issueAccess(
        locationOf(hostDc),
        scopes,
        clientId,
        config.tokenLifetimeSec,
        operatorId,
        parent,
      );
      sendJson(ctx.res, 200, {
        access_token: access.token,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        scope: scopes.join(' '),
        api_domain: apiDomain(dc),
        token_type: 'Bearer',
        expires_in: config.tokenLifetimeSec,
      });
    };
    if (params.grant_type === 'authorization_code') {
      const grant = params.code ? store.redeemCode(params.code, locationOf(hostDc)) : undefined;
      if (
        !grant ||
        grant.clientId !== params.client_id ||
        (params.redirect_uri && params.redirect_uri !== grant.redirectUri)
      ) {
        sendJson(ctx.res, 200, { error: 'invalid_code' });
        return;
      }
      const refresh = grant.offline
        ? store.issueRefresh(grant.dc, grant.scopes, grant.clientId, config.browserAccount)
        : undefined;
      answer(grant.scopes, grant.clientId, config.browserAccount, refresh?.token, refresh?.token);
      return;
    }
    if (params.grant_type === 'refresh_token') {
      const refresh = params.refresh_token ? store.find(params.refresh_token) : undefined;
      if (!refresh || refresh.kind !== 'refresh' || refresh.revokedAt !== null || refresh.dc !== hostDc.location) {
        sendJson(ctx.res, 200, { error: 'invalid_code' });
        return;
      }
      answer(refresh.scopes, refresh.clientId, refresh.operatorId, refresh.token);
      return;
    }
    sendJson(ctx.res, 200, { error: 'unsupported_grant_type' });
  }

  private async revoke(ctx: RequestContext, hostDc: DataCentre): Promise<void> {
    const body = stringRecord(parseBody(await ctx.readBody(), ctx.req.headers['content-type']) ?? {});
    const token = ctx.query.get('token') ?? body.token ?? '';
    const revoked = token !== '' && this.tokens().revoke(token, locationOf(hostDc));
    this.revocations.push({ t: Date.now(), host: ctx.host, token, revoked });
    sendJson(ctx.res, 200, revoked ? { status: 'success' } : { status: 'failure', error: 'invalid_token' });
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Implicit grants answer in the fragment (never sent to a server); code grants in the query. */
function withParams(redirectUri: string, params: URLSearchParams, inFragment: boolean): string {
  const url = new URL(redirectUri);
  url.hash = '';
  if (inFragment) return `${url.toString()}#${params.toString()}`;
  for (const [key, value] of params) url.searchParams.set(key, value);
  return url.toString();
}

function stringRecord(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value)]));
}
