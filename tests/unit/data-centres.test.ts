import { describe, expect, it } from 'vitest';
import {
  DATA_CENTRES,
  ZOHO_HOST_PERMISSIONS,
  findByAccountsServer,
  findByLocation,
} from '../../lib/salesiq/data-centres';

describe('data centres', () => {
  it('derives every SalesIQ host from its accounts host', () => {
    expect(findByLocation('eu')?.salesiqHost).toBe('salesiq.zoho.eu');
    expect(findByLocation('CA')?.salesiqHost).toBe('salesiq.zohocloud.ca');
    expect(findByLocation('cn')?.salesiqHost).toBe('salesiq.zoho.com.cn');
    for (const dc of DATA_CENTRES) expect(dc.salesiqHost).toBe(dc.accountsHost.replace('accounts.', 'salesiq.'));
  });

  it('accepts only known accounts servers from a redirect', () => {
    expect(findByAccountsServer('https://accounts.zoho.com.au')?.location).toBe('au');
    expect(findByAccountsServer('accounts.zoho.in')?.location).toBe('in');
    expect(findByAccountsServer('https://accounts.evil.example')).toBeUndefined();
    expect(findByAccountsServer('https://accounts.zoho.com.evil.example')).toBeUndefined();
    expect(findByAccountsServer('not a url at all %%')).toBeUndefined();
  });

  it('asks for Zoho hosts only', () => {
    expect(ZOHO_HOST_PERMISSIONS).toHaveLength(DATA_CENTRES.length * 2);
    for (const pattern of ZOHO_HOST_PERMISSIONS)
      expect(pattern).toMatch(/^https:\/\/(accounts|salesiq)\.zoho(cloud)?\.[a-z.]+\/\*$/);
  });
});
