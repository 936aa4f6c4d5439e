import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onExtensionInstalled } from '../../lib/onboarding/install';
import { RELEASE_NOTES, dismissWhatsNew, readWhatsNew } from '../../lib/onboarding/whats-new';
import type { ReachabilityFacts } from '../../lib/reachability/facts';
import { describeReachability, reachabilityReport } from '../../entrypoints/options/reachability-report';
import { parseMarkdown } from '../../components/MarkdownText';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('install and update', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Operator Companion',
      version: '0.1.0',
    });
  });

  it('opens the welcome page on install, and nothing on update', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onExtensionInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0].url).toMatch(/\/welcome\.html$/);
    await onExtensionInstalled({ reason: 'update', previousVersion: '0.0.9' });
    await onExtensionInstalled({ reason: 'chrome_update' });
    // Installed again into a profile that was welcomed already: no second welcome.
    await onExtensionInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('shows the release line after an update until dismissed', async () => {
    const version = fakeBrowser.runtime.getManifest().version;
    expect(await readWhatsNew()).toBeUndefined();
    await onExtensionInstalled({ reason: 'update', previousVersion: '0.0.9' });
    const note = RELEASE_NOTES[version];
    if (note) {
      expect(await readWhatsNew()).toEqual({ version, note });
      await dismissWhatsNew(version);
    }
    expect(await readWhatsNew()).toBeUndefined();
  });

  it('says nothing for a reload that kept the version', async () => {
    const version = fakeBrowser.runtime.getManifest().version;
    await onExtensionInstalled({ reason: 'update', previousVersion: version });
    expect(await readWhatsNew()).toBeUndefined();
  });
});

const NOW = 1_800_000_000_000;
const healthy: ReachabilityFacts = {
  checkedAt: NOW,
  version: '0.1.0',
  browser: 'chrome',
  userAgent: 'Chromium/156',
  notifications: 'granted',
  pinned: true,
  session: 'signed-in',
  dataCentre: 'eu',
  tokenExpiresInSec: 3000,
  lastSuccessAt: NOW - 3_000,
  cadenceMs: 4_200,
  operatorStatus: 'available',
  console: { ok: true, detail: 'HTTP 200' },
  hostAccess: true,
};

describe('Can I be reached?', () => {
  it('is all green for a healthy setup, one line per check', () => {
    const lines = describeReachability(healthy);
    expect(lines.map((l) => l.id)).toEqual([
      'notifications',
      'pinned',
      'signed-in',
      'last-poll',
      'cadence',
      'status',
      'console',
      'hosts',
    ]);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines.find((l) => l.id === 'last-poll')?.detail).toBe('SalesIQ last answered 3 seconds ago.');
    expect(lines.find((l) => l.id === 'cadence')?.detail).toMatch(/^Every 4 seconds/);
  });

  it('gives a fix for each broken link', () => {
    const broken: ReachabilityFacts = {
      ...healthy,
      notifications: 'denied',
      pinned: false,
      operatorStatus: 'busy',
      lastSuccessAt: NOW - 10 * 60_000,
      lastError: { kind: 'network', at: NOW - 1000 },
      console: { ok: false, detail: 'TypeError' },
      hostAccess: false,
    };
    const lines = describeReachability(broken);
    const byId = Object.fromEntries(lines.map((l) => [l.id, l]));
    for (const id of ['notifications', 'pinned', 'last-poll', 'cadence', 'status', 'console', 'hosts']) {
      expect(byId[id]?.ok, id).toBe(false);
      expect(byId[id]?.fix, id).toBeTruthy();
    }
    expect(byId['signed-in']?.ok).toBe(true);
  });

  it('sends a signed-out operator to sign in, and an expired one too', () => {
    for (const session of ['signed-out', 'expired'] as const) {
      const line = describeReachability({
        ...healthy,
        session,
        tokenExpiresInSec: undefined,
        cadenceMs: undefined,
        console: undefined,
        operatorStatus: undefined,
      }).find((l) => l.id === 'signed-in');
      expect(line?.ok).toBe(false);
      expect(line?.fix).toMatch(/Sign in with Zoho/);
    }
  });

  it('does not claim to know what the browser does not say', () => {
    const lines = describeReachability({ ...healthy, notifications: undefined, pinned: undefined, browser: 'firefox' });
    expect(lines.find((l) => l.id === 'pinned')?.detail).toMatch(/does not tell/);
    expect(lines.find((l) => l.id === 'notifications')?.detail).toMatch(/does not say/);
  });

  it('writes a report from the facts alone', () => {
    const report = reachabilityReport({ ...healthy, pinned: false });
    expect(report.split('\n')[0]).toBe(
      'Operator Companion 0.1.0 (chrome) — Can I be reached? 2027-01-15T08:00:00.000Z',
    );
    expect(report).toContain('[fix] Toolbar icon: The icon is not pinned');
    expect(report).toContain('[ok]  Signed in: Signed in (Zoho data centre EU).');
  });
});

describe('the privacy page', () => {
  it('renders PRIVACY.md headings, paragraphs and wrapped list items', () => {
    const blocks = parseMarkdown('# Title\n\nOne\nparagraph.\n\n## Part\n- first\n  wrapped\n- second\n');
    expect(blocks).toEqual([
      { kind: 'h1', text: 'Title' },
      { kind: 'p', text: 'One paragraph.' },
      { kind: 'h2', text: 'Part' },
      { kind: 'ul', items: ['first wrapped', 'second'] },
    ]);
  });
});
