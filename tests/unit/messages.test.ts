import { describe, expect, it } from 'vitest';
import { isExpandShortcutRequest, isInsertCannedMessage, isRequest, refusal } from '../../lib/messages';

describe('pages → background requests: payloads checked per type', () => {
  it('accepts each well-formed request', () => {
    for (const request of [
      { type: 'signIn' },
      { type: 'pickUp', conversationId: '466756000000123' },
      { type: 'setStatus', status: 'busy' },
      { type: 'pageVisible', page: 'sidepanel', opened: true },
      { type: 'pageVisible', page: 'popup' },
      { type: 'focusConversation', conversationId: '1', source: 'chooser' },
      { type: 'refreshVisitor', conversationId: '1', force: false },
      { type: 'sendCanned', conversationId: '1', responseId: 'r1', text: 'Hello' },
    ]) {
      expect(isRequest(request), JSON.stringify(request)).toBe(true);
    }
  });

  it('refuses a known type with a missing or malformed payload', () => {
    for (const request of [
      { type: 'pickUp' },
      { type: 'pickUp', conversationId: 42 },
      { type: 'pickUp', conversationId: '' },
      { type: 'setStatus', status: 'other' },
      { type: 'pageVisible', page: 'options' },
      { type: 'pageVisible', page: 'popup', opened: 'yes' },
      { type: 'focusConversation', conversationId: '1', source: 'notification' },
      { type: 'sendCanned', conversationId: '1', responseId: 'r1' },
      { type: 'choosePortal', screen: 'x'.repeat(101) },
    ]) {
      expect(isRequest(request), JSON.stringify(request)).toBe(false);
    }
  });

  it('refuses unknown types, including inherited property names', () => {
    expect(isRequest({ type: 'toString' })).toBe(false);
    expect(isRequest({ type: 'constructor' })).toBe(false);
    expect(isRequest({ type: 'eval' })).toBe(false);
  });

  it('answers a refused request in words instead of staying silent', () => {
    expect(refusal({ type: 'pickUp' })).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'The request "pickUp" came with missing or malformed details.' },
    });
    const unknown = refusal({ type: 'closeEverything' });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error.message).toMatch(/does not know/);
  });
});

describe('the other directions', () => {
  it('content script → background: only a valid #shortcut', () => {
    expect(isExpandShortcutRequest({ type: 'expandCannedShortcut', shortcut: 'refund' })).toBe(true);
    expect(isExpandShortcutRequest({ type: 'expandCannedShortcut', shortcut: '<b>' })).toBe(false);
  });

  it('pages → content script: text within bounds only', () => {
    expect(isInsertCannedMessage({ type: 'insertCanned', text: 'x'.repeat(10_000) })).toBe(true);
    expect(isInsertCannedMessage({ type: 'insertCanned', text: 'x'.repeat(10_001) })).toBe(false);
  });
});
