/**
 * Which Zoho host a request was meant for. One server answers every DC's accounts./salesiq. host
 * (Chromium maps them all to 127.0.0.1), so the Host header is the only routing key.
 */
import { DATA_CENTRES, findByLocation, type DataCentre } from '../../lib/salesiq/data-centres';
import type { DcLocation } from './types';

export type HostClass = { kind: 'accounts'; dc: DataCentre } | { kind: 'salesiq'; dc: DataCentre } | { kind: 'other' };

/** Lower-cased host name without port (handles "[::1]:443" too). */
export function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

export function classifyHost(host: string): HostClass {
  for (const dc of DATA_CENTRES) {
    if (host === dc.accountsHost) return { kind: 'accounts', dc };
    if (host === dc.salesiqHost) return { kind: 'salesiq', dc };
  }
  return { kind: 'other' };
}

export function dataCentre(location: DcLocation): DataCentre {
  const dc = findByLocation(location);
  if (!dc) throw new Error(`unknown data centre ${location}`);
  return dc;
}

/** Zoho's `api_domain` for a DC: accounts.zoho.<tld> → www.zohoapis.<tld> (Canada: zohoapis.ca). */
export function apiDomain(dc: DataCentre): string {
  if (dc.location === 'ca') return 'https://www.zohoapis.ca';
  return `https://${dc.accountsHost.replace(/^accounts\.zoho\./, 'www.zohoapis.')}`;
}

export function allZohoHosts(): string[] {
  return DATA_CENTRES.flatMap((dc) => [dc.accountsHost, dc.salesiqHost]);
}

/** The registrable domains behind the DC hosts, e.g. zoho.com, zohocloud.ca. */
function zohoDomains(): string[] {
  return [...new Set(DATA_CENTRES.map((dc) => dc.accountsHost.replace(/^accounts\./, '')))];
}

/** Flags that send every Zoho host to the simulator and accept its self-signed certificate. */
export function chromiumArgsFor(port: number): string[] {
  const rules = zohoDomains().map((domain) => `MAP *.${domain} 127.0.0.1:${port}`);
  return [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'];
}

/** The table's location string, typed as the simulator's DC union. */
export function locationOf(dc: DataCentre): DcLocation {
  return dc.location as DcLocation;
}
