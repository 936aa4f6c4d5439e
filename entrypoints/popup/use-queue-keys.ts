import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatRecord } from '../../lib/records';
import { classifyTarget, keyAction } from './keyboard';
import type { usePickup } from './use-pickup';

interface Options {
  rows: readonly ChatRecord[];
  picked: readonly ChatRecord[];
  pickup: ReturnType<typeof usePickup>;
  openInSalesIQ(chat: ChatRecord): void;
  showHistory(chat: ChatRecord): void;
}

/**
 * The queue's selection, focus and keys: which row is selected, where focus goes when a row
 * leaves, and what ↑ ↓ Home End, Enter, 1–9, o and h do.
 */
export function useQueueKeys({ rows, picked, pickup, openInSalesIQ, showHistory }: Options) {
  // Selection follows the chat, not the position; if the chat leaves, the one that took its place is selected.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  let selectedIndex = selectedId ? rows.findIndex((c) => c.id === selectedId) : -1;
  if (selectedIndex === -1 && rows.length) selectedIndex = Math.min(lastIndex.current, rows.length - 1);
  lastIndex.current = Math.max(selectedIndex, 0);

  const listRef = useRef<HTMLUListElement>(null);
  const rowElement = (index: number) => listRef.current?.children[index] as HTMLElement | undefined;
  // When the focused row leaves (picked up, taken, missed), focus moves to the row that replaced
  // it instead of falling back to the page, so arrowing through the queue can continue.
  const focusedRowId = useRef<string | null>(null);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && focusedRowId.current && !rows.some((c) => c.id === focusedRowId.current)) {
      focusedRowId.current = null;
      rowElement(selectedIndex)?.focus();
    }
  });

  /** The chat O and H act on: a focused "just picked up" row, the chat picked up here, or the selection. */
  function targetChat(): ChatRecord | undefined {
    const focusedPicked = (document.activeElement?.closest('.picked-row') as HTMLElement | null)?.dataset.chatId;
    const byId = (id: string | null | undefined) =>
      id ? (picked.find((c) => c.id === id) ?? rows.find((c) => c.id === id)) : undefined;
    return byId(focusedPicked) ?? byId(pickup.lastPickedId) ?? rows[focusedIndex()] ?? picked[0];
  }

  function select(id: string) {
    focusedRowId.current = id;
    setSelectedId(id);
  }

  // Keys can arrive before the re-render that a focus change causes: the focused row in the DOM,
  // not the last render's selection, is what the operator is looking at.
  const focusedIndex = () => {
    const id = (document.activeElement?.closest('[data-chat-id]') as HTMLElement | null)?.dataset.chatId;
    const index = id ? rows.findIndex((c) => c.id === id) : -1;
    return index === -1 ? selectedIndex : index;
  };

  const handleKey = (event: KeyboardEvent) => {
    const action = keyAction(event, classifyTarget(document.activeElement));
    if (!action) return;
    switch (action.type) {
      case 'move':
      case 'edge': {
        if (!rows.length) return;
        event.preventDefault();
        // The first arrow press brings focus to the selection; later ones move it.
        const inList = listRef.current?.contains(document.activeElement) ?? false;
        const index =
          action.type === 'edge'
            ? action.to === 'first'
              ? 0
              : rows.length - 1
            : inList
              ? Math.min(Math.max(focusedIndex() + action.delta, 0), rows.length - 1)
              : selectedIndex;
        // Focusing the row selects it (see ChatRow's focusin). Moving on means O and H follow the selection.
        pickup.forgetLastPicked();
        rowElement(index)?.focus();
        return;
      }
      case 'pickSelected': {
        const chat = rows[focusedIndex()];
        if (!chat) return;
        event.preventDefault();
        void pickup.pickUp(chat);
        return;
      }
      case 'pickPosition': {
        const chat = rows[action.position - 1];
        if (!chat) return;
        event.preventDefault();
        select(chat.id);
        void pickup.pickUp(chat);
        return;
      }
      case 'open':
      case 'history': {
        const chat = targetChat();
        if (!chat) return;
        event.preventDefault();
        if (action.type === 'open') openInSalesIQ(chat);
        else showHistory(chat);
      }
    }
  };
  // The listener is bound once and calls the latest render's handler through a ref set during
  // render: re-binding it in an effect lags the render (Preact runs effects after the next frame,
  // which a popup in the background may not get for a while), so a key pressed right after a row
  // left the list would still see the old rows.
  const latestHandler = useRef(handleKey);
  latestHandler.current = handleKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latestHandler.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return { selectedIndex, select, listRef };
}
