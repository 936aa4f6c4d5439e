import { describe, expect, it } from 'vitest';
import { isSignedInConsole, parseConsoleUrl } from '../../lib/salesiq/console-url';

const session = { state: 'signed-in' as const, salesiqHost: 'salesiq.zoho.eu', portal: { screen: 'zylker' } };

describe("is this the signed-in portal's console", () => {
  it("is true only for the signed-in portal on the signed-in data centre's SalesIQ host", () => {
    expect(isSignedInConsole(parseConsoleUrl('https://salesiq.zoho.eu/zylker/mychats/42'), session)).toBe(true);
    expect(isSignedInConsole(parseConsoleUrl('https://SALESIQ.zoho.eu/zylker'), session)).toBe(true);
    // Another portal, another data centre, a look-alike host, not a console.
    expect(isSignedInConsole(parseConsoleUrl('https://salesiq.zoho.eu/acme/mychats/42'), session)).toBe(false);
    expect(isSignedInConsole(parseConsoleUrl('https://salesiq.zoho.com/zylker/mychats/42'), session)).toBe(false);
    expect(isSignedInConsole(parseConsoleUrl('https://salesiq.zoho.eu.evil.example/zylker'), session)).toBe(false);
    expect(isSignedInConsole(parseConsoleUrl('https://example.com/zylker'), session)).toBe(false);
  });

  it('is false whenever the operator is not signed in to a portal', () => {
    const tab = parseConsoleUrl('https://salesiq.zoho.eu/zylker/mychats/42');
    expect(isSignedInConsole(tab, { ...session, state: 'expired' })).toBe(false);
    expect(isSignedInConsole(tab, { ...session, portal: undefined })).toBe(false);
    expect(isSignedInConsole(tab, { ...session, salesiqHost: undefined })).toBe(false);
    expect(isSignedInConsole(tab, undefined)).toBe(false);
    expect(isSignedInConsole(undefined, session)).toBe(false);
  });
});
