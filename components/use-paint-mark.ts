import { useEffect } from 'preact/hooks';

const marked = new Set<string>();

/**
 * Leaves a performance mark the first time `ready` is true after a paint (Preact runs effects
 * after the browser has rendered the frame; Chrome shows it on screen a refresh or more later).
 * The paint benchmarks read these marks; they cost nothing else.
 */
export function usePaintMark(name: string, ready: boolean): void {
  useEffect(() => {
    if (!ready || marked.has(name)) return;
    marked.add(name);
    performance.mark(name);
  }, [name, ready]);
}
