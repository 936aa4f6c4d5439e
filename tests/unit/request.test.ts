import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SalesIQError } from '../../lib/salesiq/errors';
import { parseRetryAfter, zohoRequest } from '../../lib/salesiq/request';

function answer(body: string, status = 200, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(body, { status, headers }));
}

async function failure(promise: Promise<unknown>): Promise<SalesIQError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SalesIQError);
  return error as SalesIQError;
}

const url = 'https://salesiq.zoho.com/api/v2/zylker/conversations';

describe('zohoRequest', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('sends the Zoho token header and returns the envelope data', async () => {
    const fetchMock = answer(JSON.stringify({ url: '/x', object: 'list', data: [{ id: '1' }] }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(
      zohoRequest({ url, auth: { token: 'abc', location: 'us' }, query: { status: 'waiting', page: undefined } }),
    ).resolves.toEqual([{ id: '1' }]);
    const [calledUrl, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(calledUrl).toBe(`${url}?status=waiting`);
    expect((init.headers as Record<string, string>).Authorization).toBe('Zoho-oauthtoken abc');
    expect(init.credentials).toBe('omit');
  });

  it.each([
    [1002, 'auth'],
    [1001, 'auth'],
    [1004, 'method'],
    [1005, 'portal'],
    [1006, 'not-found'],
    [4242, 'unknown'],
  ])('maps an HTTP-200 error envelope with code %i to %s', async (code, kind) => {
    vi.stubGlobal('fetch', answer(JSON.stringify({ error: { code, message: 'nope' } })));
    const error = await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }));
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
  });

  it.each([
    [401, 'auth'],
    [403, 'permission'],
    [404, 'not-found'],
    [405, 'method'],
    [500, 'server'],
    [503, 'server'],
  ])('maps HTTP %i to %s even with an HTML body', async (status, kind) => {
    vi.stubGlobal('fetch', answer('<html>oops</html>', status));
    expect((await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }))).kind).toBe(kind);
  });

  it('lets a telling HTTP status win over the error code in the body', async () => {
    vi.stubGlobal(
      'fetch',
      answer(JSON.stringify({ error: { code: 1001, message: 'Too many requests' } }), 429, { 'Retry-After': '5' }),
    );
    const limited = await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }));
    expect(limited.kind).toBe('rate-limited');
    expect(limited.retryAfterMs).toBe(5000);
    vi.stubGlobal('fetch', answer(JSON.stringify({ error: { code: 1004, message: 'Invalid method' } }), 400));
    expect(
      (
        await failure(
          zohoRequest({ url: 'https://salesiq.zoho.in/api/v2/zylker/x', auth: { token: 't', location: 'in' } }),
        )
      ).kind,
    ).toBe('method');
  });

  it('reads Retry-After on 429', async () => {
    vi.stubGlobal('fetch', answer('', 429, { 'Retry-After': '7' }));
    const error = await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('sends nothing to a host that answered 429 until Retry-After has passed', async () => {
    const fetchMock = answer('', 429, { 'Retry-After': '60' });
    vi.stubGlobal('fetch', fetchMock);
    expect((await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }))).kind).toBe('rate-limited');
    const blocked = await failure(zohoRequest({ url: `${url}/123`, auth: { token: 't', location: 'us' } }));
    expect(blocked.kind).toBe('rate-limited');
    expect(blocked.retryAfterMs).toBeGreaterThan(55_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Another host is not affected.
    vi.stubGlobal('fetch', answer(JSON.stringify({ data: [] })));
    await expect(
      zohoRequest({ url: 'https://salesiq.zoho.eu/api/v2/zylker/conversations', auth: { token: 't', location: 'eu' } }),
    ).resolves.toEqual([]);
  });

  it('treats "error": null as no error', async () => {
    vi.stubGlobal('fetch', answer(JSON.stringify({ error: null, data: { id: '1' } })));
    await expect(zohoRequest({ url, auth: { token: 't', location: 'us' } })).resolves.toEqual({ id: '1' });
  });

  it('calls unreadable JSON and a missing data field malformed', async () => {
    vi.stubGlobal('fetch', answer('{"data": [1, 2'));
    expect((await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }))).kind).toBe('malformed');
    vi.stubGlobal('fetch', answer('{"url": "/x"}'));
    expect((await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }))).kind).toBe('malformed');
  });

  it('times out a hung request', async () => {
    vi.stubGlobal(
      'fetch',
      (_: string, init: RequestInit) =>
        new Promise((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    expect((await failure(zohoRequest({ url, auth: { token: 't', location: 'us' }, timeoutMs: 20 }))).kind).toBe(
      'timeout',
    );
  });

  it('tells a network failure from being offline', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }))).kind).toBe('network');
    vi.stubGlobal('navigator', { onLine: false });
    expect((await failure(zohoRequest({ url, auth: { token: 't', location: 'us' } }))).kind).toBe('offline');
  });

  it('lets the operator’s own actions through after a background sync’s 429, but not the poll', async () => {
    const auth = { token: 't', location: 'us' };
    const fetchMock = answer('', 429, { 'Retry-After': '60' });
    vi.stubGlobal('fetch', fetchMock);
    // A canned sync (background) is told to slow down.
    await failure(zohoRequest({ url: 'https://salesiq.zoho.com/api/v2/zylker/cannedresponses', auth }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // The queue poll (background too) still waits for Retry-After...
    expect((await failure(zohoRequest({ url, auth }))).kind).toBe('rate-limited');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // ...but the operator's pickup goes out.
    const ok = answer(JSON.stringify({ data: { id: '1' } }));
    vi.stubGlobal('fetch', ok);
    await expect(zohoRequest({ method: 'PUT', url: `${url}/1/pickup`, auth, lane: 'operator' })).resolves.toEqual({
      id: '1',
    });
    expect(ok).toHaveBeenCalledTimes(1);
    // A 429 on an operator action holds back everything, the poll included.
    vi.stubGlobal('fetch', answer('', 429, { 'Retry-After': '30' }));
    await failure(zohoRequest({ method: 'PUT', url: `${url}/2/pickup`, auth, lane: 'operator' }));
    vi.stubGlobal('fetch', ok);
    expect((await failure(zohoRequest({ method: 'PUT', url: `${url}/3/pickup`, auth, lane: 'operator' }))).kind).toBe(
      'rate-limited',
    );
    expect(ok).toHaveBeenCalledTimes(1);
  });

  it('sends a token only to its own data centre’s SalesIQ and Accounts hosts, never through a redirect', async () => {
    const fetchMock = answer(JSON.stringify({ data: [] }));
    vi.stubGlobal('fetch', fetchMock);
    const us = { token: 'secret', location: 'us' };
    for (const elsewhere of [
      'https://salesiq.zoho.eu/api/v2/zylker/conversations', // another DC's SalesIQ
      'https://accounts.zoho.in/oauth/v2/token/revoke', // another DC's Accounts
      'https://attacker.example/api/v2/zylker/conversations',
      'https://salesiq.zoho.com.attacker.example/api/v2/portals',
      'http://salesiq.zoho.com/api/v2/portals', // not HTTPS
      'https://salesiq.zoho.com:8443/api/v2/portals',
    ]) {
      const error = await failure(zohoRequest({ url: elsewhere, auth: us }));
      expect(error.message).toMatch(/Refused to send the Zoho sign-in/);
    }
    expect((await failure(zohoRequest({ url, auth: { token: 'secret', location: 'mars' } }))).message).toMatch(
      /Refused/,
    );
    expect(fetchMock).not.toHaveBeenCalled();

    await zohoRequest({ url, auth: us });
    await zohoRequest({
      url: 'https://accounts.zoho.com/oauth/v2/token/revoke',
      auth: { ...us, placement: 'query' },
      envelope: false,
    });
    const [[, first], [revokeUrl, second]] = fetchMock.mock.calls as unknown as [
      [string, RequestInit],
      [string, RequestInit],
    ];
    expect(first.redirect).toBe('error');
    expect(second.redirect).toBe('error');
    expect(new URL(revokeUrl).searchParams.get('token')).toBe('secret');
    expect((second.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
