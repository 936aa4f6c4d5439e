import { describe, expect, it } from 'vitest';
import { notificationText } from '../../lib/queue/notifications';
import { HOSTILE_CORPUS } from '../simulator/hostile';

/** What must never reach the operating system's notification: controls, bidi, invisibles, lone surrogates. */
const UNSAFE =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('notification text', () => {
  it('strips control, bidi and invisible characters and lone surrogates from every hostile input', () => {
    for (const { label, text } of HOSTILE_CORPUS) {
      const clean = notificationText(text, 300);
      expect(clean, label).not.toMatch(UNSAFE);
      expect(Array.from(clean).length, label).toBeLessThanOrEqual(300);
    }
  });

  it('keeps what reads right: joiners in emoji, RTL letters, markup as plain characters', () => {
    expect(notificationText('invoice\u202Efdp.exe', 100)).toBe('invoicefdp.exe');
    expect(notificationText('line\r\nbreaks\n\tand tabs', 100)).toBe('line breaks and tabs');
    expect(notificationText('👨‍👩‍👧‍👦 family', 100)).toBe('👨‍👩‍👧‍👦 family');
    expect(notificationText('שלום <b>עולם</b>', 100)).toBe('שלום <b>עולם</b>');
    expect(notificationText('broken \uD83D here', 100)).toBe('broken here');
  });

  it('cuts long text on a character boundary, never inside an emoji', () => {
    const cut = notificationText('🚀'.repeat(500), 300);
    expect(Array.from(cut)).toHaveLength(300);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(UNSAFE);
  });
});
