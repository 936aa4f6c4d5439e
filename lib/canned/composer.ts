/**
 * The SalesIQ console's message box, seen from the content script: find it, read what is
 * before the caret, and put text in as if typed. SalesIQ's markup is not documented, so the
 * search is by behaviour (focused, editable, visible), never by class names.
 *
 * Text goes in through `execCommand('insertText')` first: it is the one way that keeps the
 * box's undo history and fires the same `beforeinput`/`input` events as typing, which frameworks
 * listen to. Where it is refused, the text is set directly and an `input` event dispatched.
 */
export type Composer = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);
const COMPOSER_HINT = /message|reply|type|chat|write/i;

export function isEditable(node: EventTarget | Element | null | undefined): node is Composer {
  if (!node || !(node instanceof HTMLElement)) return false;
  if (node instanceof HTMLTextAreaElement) return !node.disabled && !node.readOnly;
  if (node instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(node.type) && !node.disabled && !node.readOnly;
  return node.isContentEditable;
}

function isVisible(element: Element): boolean {
  return element.getClientRects().length > 0;
}

function hint(element: Element): string {
  return ['placeholder', 'aria-label', 'data-placeholder', 'name', 'id']
    .map((a) => element.getAttribute(a) ?? '')
    .join(' ');
}

/** The focused box, else the one the operator used last, else the page's most likely composer. */
export function findComposer(doc: Document, lastUsed?: Element | null): Composer | undefined {
  let active: Element | null = doc.activeElement;
  // Rich editors often live in a same-origin iframe.
  while (active instanceof HTMLIFrameElement && active.contentDocument) active = active.contentDocument.activeElement;
  if (isEditable(active)) return active;
  if (lastUsed?.isConnected && isEditable(lastUsed) && isVisible(lastUsed)) return lastUsed;
  const candidates = [
    ...doc.querySelectorAll('textarea, [contenteditable=""], [contenteditable="true"], [role="textbox"]'),
  ].filter((el): el is Composer => isEditable(el) && isVisible(el));
  return candidates.find((el) => COMPOSER_HINT.test(hint(el))) ?? candidates.at(-1);
}

function isTextField(el: Composer): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

function execInsert(doc: Document, text: string): boolean {
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function fireInput(el: Composer, text: string): void {
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Replace the `length` characters before the caret (0: plain insert) with `text`. */
export function replaceBeforeCaret(el: Composer, length: number, text: string): boolean {
  const doc = el.ownerDocument;
  el.focus();
  if (isTextField(el)) {
    const end = el.selectionEnd ?? el.value.length;
    const start = Math.max(0, (el.selectionStart ?? end) - length);
    el.setSelectionRange(start, end);
    const before = el.value;
    // Refused, or accepted without effect (e.g. the window has no focus): set it ourselves.
    if (execInsert(doc, text) && el.value !== before) return true;
    el.setRangeText(text, start, end, 'end');
    fireInput(el, text);
    return true;
  }
  const selection = doc.getSelection();
  if (!selection) return false;
  let range = selection.rangeCount ? selection.getRangeAt(0) : undefined;
  if (!range || !el.contains(range.commonAncestorContainer)) {
    // No caret in the box: insert at its end.
    range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
  }
  if (length > 0 && range.startContainer.nodeType === Node.TEXT_NODE) {
    range.setStart(range.startContainer, Math.max(0, range.startOffset - length));
  }
  selection.removeAllRanges();
  selection.addRange(range);
  if (execInsert(doc, text)) return true;
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  fireInput(el, text);
  return true;
}

export function insertAtCaret(el: Composer, text: string): boolean {
  return replaceBeforeCaret(el, 0, text);
}

/** Up to `max` characters before the caret (empty when there is a selection or no caret). */
export function textBeforeCaret(el: Composer, max = 60): string {
  if (isTextField(el)) {
    const caret = el.selectionStart;
    if (caret === null || caret !== el.selectionEnd) return '';
    return el.value.slice(Math.max(0, caret - max), caret);
  }
  const selection = el.ownerDocument.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0) : undefined;
  if (
    !range ||
    !range.collapsed ||
    range.startContainer.nodeType !== Node.TEXT_NODE ||
    !el.contains(range.startContainer)
  )
    return '';
  const data = (range.startContainer as Text).data;
  return data.slice(Math.max(0, range.startOffset - max), range.startOffset);
}
