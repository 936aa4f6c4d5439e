import { useEffect, useState } from 'preact/hooks';

/** Rows that fill the 600 px popup, with room to spare. */
const FIRST_PAINT_ROWS = 12;

/**
 * The first frame shows the screenful the operator sees; the rest of a long queue follows in the
 * next frame. Opening the popup with 200 waiting chats then costs what opening it with 12 does.
 */
export function useFirstScreenful<T>(rows: readonly T[]): readonly T[] {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (all || rows.length <= FIRST_PAINT_ROWS) return;
    const frame = requestAnimationFrame(() => setAll(true));
    return () => cancelAnimationFrame(frame);
  }, [all, rows.length]);
  return all ? rows : rows.slice(0, FIRST_PAINT_ROWS);
}
