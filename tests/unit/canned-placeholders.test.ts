import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expandShortcut } from '../../lib/canned/content-bridge';
import { isExpandShortcutRequest, isInsertCannedMessage, isSalesIQContentSender } from '../../lib/messages';
import { placeholderContext } from '../../lib/canned/context';
import { fillPlaceholders } from '../../lib/canned/placeholders';
import {
  ShortcutError,
  normalizeShortcut,
  readShortcuts,
  setShortcut,
  shortcutBeforeCaret,
} from '../../lib/canned/shortcuts';
import { db, wipeAccountData, writeMeta } from '../../lib/db';
import { signedInSession } from './signed-in-fixture';

const ctx = {
  visitor: { name: 'Ana María López', email: 'ana@example.com' },
  operator: { name: 'Patricia Boyle' },
  department: 'Sales',
};

describe('placeholders', () => {
  it('fills known placeholders from the chat and the operator', () => {
    const filled = fillPlaceholders(
      'Hi {visitor.first_name}, I am {operator.first_name} from {department}. ({visitor.email})',
      ctx,
    );
    expect(filled).toEqual({ text: 'Hi Ana, I am Patricia from Sales. (ana@example.com)', missing: [] });
    expect(fillPlaceholders('{visitor.name} / {operator.name}', ctx).text).toBe('Ana María López / Patricia Boyle');
  });

  it('uses the fallback when the value is missing, and keeps unfilled ones visible', () => {
    expect(fillPlaceholders('Hi {visitor.name|there}!', {}).text).toBe('Hi there!');
    expect(fillPlaceholders('Hi {visitor.name|}!', {}).text).toBe('Hi !');
    expect(fillPlaceholders('Call {visitor.phone}', ctx)).toEqual({
      text: 'Call {visitor.phone}',
      missing: ['{visitor.phone}'],
    });
  });

  it('ignores case and spaces in names, and leaves other braces alone', () => {
    expect(fillPlaceholders('{ Visitor.Name }', ctx).text).toBe('Ana María López');
    const code = 'Use {"a": 1} or {unknown.field} or %visitor_name%';
    expect(fillPlaceholders(code, ctx)).toEqual({ text: code, missing: [] });
  });

  it('never treats a value as a placeholder again', () => {
    expect(
      fillPlaceholders('{visitor.name}', { visitor: { name: '{operator.name}' }, operator: { name: 'X' } }).text,
    ).toBe('{operator.name}');
  });

  it('builds the context from a cached chat and the session', () => {
    const chat = { visitor: { name: 'Lee', email: 'lee@example.com' }, department: { id: 'd', name: 'Support' } };
    expect(placeholderContext({ operatorName: 'Pat' }, chat)).toEqual({
      visitor: { name: 'Lee', email: 'lee@example.com', phone: undefined },
      operator: { name: 'Pat' },
      department: 'Support',
    });
  });
});

describe('shortcuts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('normalises what the operator types', () => {
    expect(normalizeShortcut(' #Refund ')).toBe('refund');
    expect(normalizeShortcut('eu-shipping_2')).toBe('eu-shipping_2');
    expect(normalizeShortcut('two words')).toBeUndefined();
    expect(normalizeShortcut('#')).toBeUndefined();
    expect(normalizeShortcut('-x')).toBeUndefined();
  });

  it('keeps one response per shortcut, per portal, and takes over a deleted response’s', async () => {
    await setShortcut('zylker', 'r1', '#refund', new Set(['r1', 'r2']));
    await expect(setShortcut('zylker', 'r2', 'refund', new Set(['r1', 'r2']))).rejects.toBeInstanceOf(ShortcutError);
    await expect(setShortcut('zylker', 'r2', 'no way', new Set(['r2']))).rejects.toMatchObject({ reason: 'invalid' });
    // r1 is gone from SalesIQ: its shortcut is free again.
    await setShortcut('zylker', 'r2', 'refund', new Set(['r2']));
    expect(await readShortcuts('zylker')).toEqual({ r2: 'refund' });
    await setShortcut('other', 'x', 'refund', new Set(['x']));
    expect(await readShortcuts('other')).toEqual({ x: 'refund' });
    await setShortcut('zylker', 'r2', '', new Set(['r2']));
    expect(await readShortcuts('zylker')).toEqual({});
  });

  it('survives sign-out: they live in storage.local, not in the wiped database', async () => {
    await setShortcut('zylker', 'r1', 'refund', new Set(['r1']));
    await wipeAccountData();
    expect(await readShortcuts('zylker')).toEqual({ r1: 'refund' });
  });

  it('finds #word right before the caret', () => {
    expect(shortcutBeforeCaret('Hello #Refund')).toBe('refund');
    expect(shortcutBeforeCaret('#refund')).toBe('refund');
    expect(shortcutBeforeCaret('Hello #refund ', { trailingSpace: true })).toBe('refund');
    expect(shortcutBeforeCaret('mail#refund')).toBeUndefined();
    expect(shortcutBeforeCaret('#refund now')).toBeUndefined();
  });
});

describe('content script messages', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const tab = { id: 7 };

  beforeEach(async () => {
    fakeBrowser.reset();
    await wipeAccountData();
  });

  it('accepts only our content script in the top frame of an https SalesIQ page', () => {
    expect(isSalesIQContentSender({ id, tab, frameId: 0, url: 'https://salesiq.zoho.eu/zylker/mychats/1' }, id)).toBe(
      true,
    );
    expect(isSalesIQContentSender({ id, tab, url: 'https://salesiq.zoho.com/zylker' }, id)).toBe(true);
    expect(isSalesIQContentSender({ id: 'other', tab, url: 'https://salesiq.zoho.com/zylker' }, id)).toBe(false);
    expect(isSalesIQContentSender({ id, tab, url: 'https://evil.example/salesiq.zoho.com' }, id)).toBe(false);
    expect(isSalesIQContentSender({ id, tab, url: 'http://salesiq.zoho.com/zylker' }, id)).toBe(false);
    expect(isSalesIQContentSender({ id, tab, frameId: 3, url: 'https://salesiq.zoho.com/zylker' }, id)).toBe(false);
    expect(isSalesIQContentSender({ id, url: `chrome-extension://${id}/popup.html` }, id)).toBe(false);
  });

  it('validates the one request it may make, and the one message it may receive', () => {
    expect(isExpandShortcutRequest({ type: 'expandCannedShortcut', shortcut: 'refund' })).toBe(true);
    expect(isExpandShortcutRequest({ type: 'expandCannedShortcut', shortcut: 'two words' })).toBe(false);
    expect(isExpandShortcutRequest({ type: 'expandCannedShortcut', shortcut: 'x'.repeat(41) })).toBe(false);
    expect(isExpandShortcutRequest({ type: 'syncCanned' })).toBe(false);
    expect(isInsertCannedMessage({ type: 'insertCanned', text: 'Hi' })).toBe(true);
    expect(isInsertCannedMessage({ type: 'insertCanned', text: '' })).toBe(false);
    expect(isInsertCannedMessage({ type: 'insertCanned', text: 42 })).toBe(false);
  });

  it('expands a shortcut with the chat’s details, only for the signed-in portal', async () => {
    await writeMeta('session', signedInSession({ operatorName: 'Patricia Boyle' }));
    await db.canned.put({
      id: 'r1',
      portal: 'zylker',
      content: 'Hi {visitor.first_name|there}, {operator.first_name} here.',
      enabled: true,
      isPublic: true,
      usageCount: 0,
      allDepartments: true,
      categories: [],
    });
    await db.chats.put({
      id: 'c1',
      portal: 'zylker',
      question: '?',
      status: 'connected',
      startTime: 1,
      firstSeenAt: 1,
      updatedAt: 1,
      visitor: { name: 'Lee Chan' },
    });
    await setShortcut('zylker', 'r1', 'hello', new Set(['r1']));

    const request = { type: 'expandCannedShortcut', shortcut: 'hello' } as const;
    expect(await expandShortcut(request, 'https://salesiq.zoho.com/zylker/mychats/c1')).toEqual({
      text: 'Hi Lee, Patricia here.',
    });
    expect((await db.cannedUses.get('r1'))?.count).toBe(1);
    expect(
      await expandShortcut({ ...request, shortcut: 'nope' }, 'https://salesiq.zoho.com/zylker/mychats/c1'),
    ).toEqual({ text: null });
    expect(await expandShortcut(request, 'https://salesiq.zoho.com/otherportal/mychats/c1')).toEqual({ text: null });
    expect(await expandShortcut(request, 'https://salesiq.zoho.eu/zylker/mychats/c1')).toEqual({ text: null });
  });
});
