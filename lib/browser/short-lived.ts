/**
 * An answer from the browser, reused for `freshMs` instead of asked again: each ask is a round
 * trip through the browser process, and some are asked several times a queue turn. Asked again
 * after `freshMs`, after forget(), or when the clock went back; a failed ask is not kept.
 */
export interface ShortLived<T> {
  get(): Promise<T>;
  forget(): void;
}

export function shortLived<T>(freshMs: number, ask: () => Promise<T>): ShortLived<T> {
  let kept: { at: number; answer: Promise<T> } | undefined;
  return {
    get() {
      const now = Date.now();
      if (!kept || now - kept.at >= freshMs || now < kept.at) {
        const entry = { at: now, answer: ask() };
        entry.answer.catch(() => {
          if (kept === entry) kept = undefined;
        });
        kept = entry;
      }
      return kept.answer;
    },
    forget() {
      kept = undefined;
    },
  };
}
