import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, getSettings, onSettingsChanged, type Settings } from '../lib/settings';

/**
 * The operator's settings, live. `loaded` is false for the few milliseconds before
 * storage answers; until then the defaults stand in so the first paint is never blocked.
 */
export function useSettings(): { settings: Settings; loaded: boolean } {
  const [state, setState] = useState({ settings: DEFAULT_SETTINGS, loaded: false });
  useEffect(() => {
    let active = true;
    const apply = (settings: Settings) => active && setState({ settings, loaded: true });
    // Storage that cannot be read still leaves a working page, on the defaults.
    void getSettings().then(apply, () => apply(DEFAULT_SETTINGS));
    const stop = onSettingsChanged(apply);
    return () => {
      active = false;
      stop();
    };
  }, []);
  return state;
}
