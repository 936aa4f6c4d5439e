import { describe, expect, it } from 'vitest';
import { keyAction, type KeyInput } from '../../entrypoints/popup/keyboard';
import { arrivalMessage } from '../../entrypoints/popup/arrivals';
import type { ChatRecord } from '../../lib/db';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  repeat: false,
  ...extra,
});

describe('popup keyboard map', () => {
  it('moves, picks up, opens and shows history', () => {
    expect(keyAction(key('ArrowDown'), 'other')).toEqual({ type: 'move', delta: 1 });
    expect(keyAction(key('ArrowUp'), 'other')).toEqual({ type: 'move', delta: -1 });
    expect(keyAction(key('Home'), 'other')).toEqual({ type: 'edge', to: 'first' });
    expect(keyAction(key('Enter'), 'other')).toEqual({ type: 'pickSelected' });
    expect(keyAction(key('3'), 'other')).toEqual({ type: 'pickPosition', position: 3 });
    expect(keyAction(key('o'), 'control')).toEqual({ type: 'open' });
    expect(keyAction(key('H'), 'other')).toEqual({ type: 'history' });
  });

  it('never hijacks typing, modifiers, or Enter on a button', () => {
    expect(keyAction(key('ArrowDown'), 'typing')).toBeNull();
    expect(keyAction(key('1'), 'typing')).toBeNull();
    expect(keyAction(key('Enter'), 'control')).toBeNull();
    expect(keyAction(key('1', { ctrlKey: true }), 'other')).toBeNull();
    expect(keyAction(key('0'), 'other')).toBeNull();
    expect(keyAction(key('x'), 'other')).toBeNull();
  });

  it('ignores a held-down key for pickups but lets arrows repeat', () => {
    expect(keyAction(key('Enter', { repeat: true }), 'other')).toBeNull();
    expect(keyAction(key('2', { repeat: true }), 'other')).toBeNull();
    expect(keyAction(key('ArrowDown', { repeat: true }), 'other')).toEqual({ type: 'move', delta: 1 });
  });
});

describe('arrival announcements', () => {
  const chat = (name: string | undefined, department?: string) =>
    ({
      id: `id-${name}`,
      visitor: { id: 'v-9876', name },
      department: department ? { id: department, name: department } : undefined,
    }) as ChatRecord;

  it('names the visitor and department', () => {
    expect(arrivalMessage([chat('Ana', 'Sales')])).toBe('New chat from Ana, Sales.');
    expect(arrivalMessage([chat(undefined)])).toBe('New chat from Visitor 9876.');
  });

  it('stops after three names', () => {
    const many = ['A', 'B', 'C', 'D', 'E'].map((n) => chat(n));
    expect(arrivalMessage(many)).toBe('New chat from A. New chat from B. New chat from C. 2 more new chats.');
  });
});
