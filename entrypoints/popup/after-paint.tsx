import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A part of the popup whose code loads after the first paint: the popup opens for the queue, and
 * code the first frame does not show must not delay it (every kilobyte is parsed before that
 * frame). The part renders nothing until its code has arrived, then renders as if it had always
 * been there. `preload` starts loading at once, for a page that needs the part before painting.
 */
export function afterPaint<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));

  function AfterPaint(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      let alive = true;
      const idle = requestIdleCallback(
        () => void preload().then((component) => alive && setComponent(() => component)),
        { timeout: 500 },
      );
      return () => {
        alive = false;
        cancelIdleCallback(idle);
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  }
  return { AfterPaint, preload };
}
