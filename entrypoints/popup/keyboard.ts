/**
 * The popup's keyboard map, as a pure function so it can be tested without a DOM:
 *   ↑/↓ (and Home/End) move the selection among waiting chats, Enter picks up the selected one,
 *   1–9 pick up by position, O opens in SalesIQ, H opens the visitor's history.
 */
export type KeyAction =
  | { type: 'move'; delta: number }
  | { type: 'edge'; to: 'first' | 'last' }
  | { type: 'pickSelected' }
  | { type: 'pickPosition'; position: number }
  | { type: 'open' }
  | { type: 'history' };

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat: boolean;
}

/**
 * Where the key was pressed: `typing` (input, select, textarea, editable: never hijacked),
 * `control` (a button or link, which Enter and Space already activate), or `other`.
 */
export type KeyTarget = 'typing' | 'control' | 'other';

export function classifyTarget(element: Element | null): KeyTarget {
  if (!element) return 'other';
  const tag = element.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (element as HTMLElement).isContentEditable)
    return 'typing';
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'control';
  return 'other';
}

export function keyAction(event: KeyInput, target: KeyTarget): KeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || target === 'typing') return null;
  switch (event.key) {
    case 'ArrowDown':
      return { type: 'move', delta: 1 };
    case 'ArrowUp':
      return { type: 'move', delta: -1 };
    case 'Home':
      return { type: 'edge', to: 'first' };
    case 'End':
      return { type: 'edge', to: 'last' };
    case 'Enter':
      // A held-down key repeats; a pickup happens once per press.
      return target === 'control' || event.repeat ? null : { type: 'pickSelected' };
    case 'o':
    case 'O':
      return event.repeat ? null : { type: 'open' };
    case 'h':
    case 'H':
      return event.repeat ? null : { type: 'history' };
  }
  if (/^[1-9]$/.test(event.key)) return event.repeat ? null : { type: 'pickPosition', position: Number(event.key) };
  return null;
}
