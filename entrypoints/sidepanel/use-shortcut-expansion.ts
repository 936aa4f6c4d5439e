import { useEffect, useState } from 'preact/hooks';
import { replaceBeforeCaret, textBeforeCaret } from '../../lib/canned/composer';
import { fillPlaceholders, type PlaceholderContext } from '../../lib/canned/placeholders';
import {
  invertShortcuts,
  onShortcutsChanged,
  readShortcuts,
  shortcutBeforeCaret,
  type ShortcutMap,
} from '../../lib/canned/shortcuts';
import { readRecord } from '../../lib/db-read';
import { ask } from '../../lib/messages';

/**
 * `#shortcut` expansion in the side panel's composer, with the same pieces as the SalesIQ content
 * script: the word before the caret (content-protocol), the operator's shortcuts (shortcuts.ts),
 * placeholders filled from this chat, and the one caret-replacing insert (composer.ts).
 */
export function useShortcutExpansion(portal: string, context: PlaceholderContext) {
  const [map, setMap] = useState<ShortcutMap>({});
  useEffect(() => {
    void readShortcuts(portal).then(setMap);
    return onShortcutsChanged(portal, setMap);
  }, [portal]);
  const byName = invertShortcuts(map);

  /**
   * The known shortcut right before the caret, if any. The caller stops the key (Tab would leave
   * the box, Enter would send `#refund` itself) and calls `expand`.
   */
  function shortcutAt(box: HTMLTextAreaElement): string | undefined {
    const shortcut = shortcutBeforeCaret(textBeforeCaret(box));
    return shortcut && byName.has(shortcut) ? shortcut : undefined;
  }

  /** Replace `#word` (and nothing the operator typed after it) with the response; `trailing` follows it. */
  async function expand(box: HTMLTextAreaElement, shortcut: string, trailing = ''): Promise<boolean> {
    const responseId = byName.get(shortcut);
    const response = responseId ? await readRecord('canned', responseId).catch(() => undefined) : undefined;
    if (!response || shortcutBeforeCaret(textBeforeCaret(box)) !== shortcut) return false;
    replaceBeforeCaret(box, shortcut.length + 1, fillPlaceholders(response.content, context).text + trailing);
    void ask({ type: 'cannedUsed', responseId: response.id });
    return true;
  }

  return { shortcutAt, expand, hasShortcuts: byName.size > 0 };
}
