/**
 * OAuth tokens, grant codes and their revocation. A token is bound to the DC and scopes it was
 * issued for, like Zoho's: a token from accounts.zoho.eu is refused by salesiq.zoho.com. Tokens
 * are opaque random strings (crypto, not the world's PRNG: they must never be guessable or repeat).
 */
import { randomBytes } from 'node:crypto';
import type { DcLocation, TokenInfo } from './types';

export type TokenCheck =
  | { ok: true; token: TokenInfo }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' | 'wrong_dc' };

interface GrantCode {
  code: string;
  dc: DcLocation;
  scopes: string[];
  clientId: string;
  redirectUri: string;
  offline: boolean;
  expiresAt: number;
}

const CODE_LIFETIME_MS = 2 * 60_000;

function opaqueToken(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenInfo>();
  /** Access token → the refresh token it was minted from, so revoking a refresh token cascades. */
  private readonly parents = new Map<string, string>();
  private readonly codes = new Map<string, GrantCode>();

  issueAccess(
    dc: DcLocation,
    scopes: string[],
    clientId: string,
    lifetimeSec: number,
    operatorId: string,
    parent?: string,
    now = Date.now(),
  ): TokenInfo {
    const info: TokenInfo = {
      operatorId,
      token: opaqueToken(),
      kind: 'access',
      dc,
      scopes: [...scopes],
      clientId,
      issuedAt: now,
      expiresAt: now + lifetimeSec * 1000,
      revokedAt: null,
    };
    this.tokens.set(info.token, info);
    if (parent) this.parents.set(info.token, parent);
    return info;
  }

  issueRefresh(dc: DcLocation, scopes: string[], clientId: string, operatorId: string, now = Date.now()): TokenInfo {
    const info: TokenInfo = {
      operatorId,
      token: opaqueToken(),
      kind: 'refresh',
      dc,
      scopes: [...scopes],
      clientId,
      issuedAt: now,
      expiresAt: null,
      revokedAt: null,
    };
    this.tokens.set(info.token, info);
    return info;
  }

  issueCode(grant: Omit<GrantCode, 'code' | 'expiresAt'>, now = Date.now()): string {
    const code = opaqueToken();
    this.codes.set(code, { ...grant, code, expiresAt: now + CODE_LIFETIME_MS });
    return code;
  }

  /** A code works once, on the DC it was issued for, before it expires. */
  redeemCode(code: string, dc: DcLocation, now = Date.now()): GrantCode | undefined {
    const grant = this.codes.get(code);
    if (!grant) return undefined;
    this.codes.delete(code);
    return grant.dc === dc && now < grant.expiresAt ? grant : undefined;
  }

  find(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }

  /** Revokes a token on its own DC; a refresh token takes its access tokens with it. */
  revoke(token: string, dc: DcLocation, now = Date.now()): boolean {
    const info = this.tokens.get(token);
    if (!info || info.dc !== dc || info.revokedAt !== null) return false;
    info.revokedAt = now;
    if (info.kind === 'refresh') {
      for (const [child, parent] of this.parents) {
        const childInfo = this.tokens.get(child);
        if (parent === token && childInfo && childInfo.revokedAt === null) childInfo.revokedAt = now;
      }
    }
    return true;
  }

  revokeAll(now = Date.now()): void {
    for (const info of this.tokens.values()) if (info.revokedAt === null) info.revokedAt = now;
  }

  /** Checks an `Authorization` header value against the DC of the host it was sent to. */
  checkHeader(header: string | undefined, dc: DcLocation, now = Date.now()): TokenCheck {
    if (!header) return { ok: false, reason: 'missing' };
    const match = /^Zoho-oauthtoken\s+(\S+)$/.exec(header.trim());
    if (!match) return { ok: false, reason: 'malformed' };
    const info = this.tokens.get(match[1]!);
    if (!info || info.kind !== 'access') return { ok: false, reason: 'unknown' };
    if (info.revokedAt !== null) return { ok: false, reason: 'revoked' };
    if (info.expiresAt !== null && now >= info.expiresAt) return { ok: false, reason: 'expired' };
    if (info.dc !== dc) return { ok: false, reason: 'wrong_dc' };
    return { ok: true, token: info };
  }

  all(): TokenInfo[] {
    return [...this.tokens.values()].map((info) => ({ ...info, scopes: [...info.scopes] }));
  }
}

/**
 * Whether granted scopes cover a required one such as "SalesIQ.conversations.UPDATE".
 * Zoho treats scope names case-insensitively; `.ALL` covers every operation on the resource.
 */
export function scopeCovers(granted: readonly string[], required: string): boolean {
  const [service, resource] = required.toLowerCase().split('.');
  const wanted = required.toLowerCase();
  return granted.some((scope) => {
    const s = scope.toLowerCase();
    return s === wanted || s === `${service}.${resource}.all`;
  });
}

/** Zoho scopes are comma-separated `Service.resource.OPERATION` names. */
export function parseScopes(raw: string | null): string[] | undefined {
  if (!raw) return undefined;
  const scopes = raw.split(',').map((s) => s.trim());
  const valid = /^[A-Za-z]+\.[A-Za-z_]+\.(READ|CREATE|UPDATE|DELETE|ALL)$/i;
  return scopes.length > 0 && scopes.every((s) => valid.test(s)) ? scopes : undefined;
}
