/**
 * Zoho data centres. Every confirmed DC follows one rule: the SalesIQ host is the accounts host
 * with `accounts.` replaced by `salesiq.` (Zoho's SalesIQ REST API docs, "data centres"). The table is the single
 * source for host permissions, sign-in and API base URLs.
 */
export interface DataCentre {
  location: string;
  label: string;
  accountsHost: string;
  salesiqHost: string;
}

const ACCOUNTS_HOSTS: Record<string, [label: string, host: string]> = {
  us: ['United States', 'accounts.zoho.com'],
  eu: ['Europe', 'accounts.zoho.eu'],
  in: ['India', 'accounts.zoho.in'],
  au: ['Australia', 'accounts.zoho.com.au'],
  jp: ['Japan', 'accounts.zoho.jp'],
  ca: ['Canada', 'accounts.zohocloud.ca'],
  sa: ['Saudi Arabia', 'accounts.zoho.sa'],
  uk: ['United Kingdom', 'accounts.zoho.uk'],
  cn: ['China', 'accounts.zoho.com.cn'],
};

export const DATA_CENTRES: readonly DataCentre[] = Object.entries(ACCOUNTS_HOSTS).map(
  ([location, [label, accountsHost]]) => ({
    location,
    label,
    accountsHost,
    salesiqHost: accountsHost.replace(/^accounts\./, 'salesiq.'),
  }),
);

/** Where sign-in starts: the global accounts server, or China's isolated one. */
export const US_DC = findByLocation('us')!;
export const CN_DC = findByLocation('cn')!;

export function findByLocation(location: string): DataCentre | undefined {
  return DATA_CENTRES.find((dc) => dc.location === location.toLowerCase());
}

/**
 * Zoho's redirect names the user's accounts server as a full URL ("https://accounts.zoho.eu").
 * Only hosts from our table are accepted: a token must never be sent anywhere else.
 */
export function findByAccountsServer(server: string): DataCentre | undefined {
  let host: string;
  try {
    host = new URL(server.includes('://') ? server : `https://${server}`).host;
  } catch {
    return undefined;
  }
  return DATA_CENTRES.find((dc) => dc.accountsHost === host.toLowerCase());
}

export const ZOHO_HOST_PERMISSIONS: readonly string[] = DATA_CENTRES.flatMap((dc) => [
  `https://${dc.accountsHost}/*`,
  `https://${dc.salesiqHost}/*`,
]);
