import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dismissWhatsNew, readWhatsNew } from '../../lib/onboarding/whats-new';

/** The popup's last line: what changed in an update (until dismissed), and "Can I be reached?". */
export function PopupFooter() {
  const [news, setNews] = useState<{ version: string; note: string }>();
  useEffect(() => {
    // After the first paint: the queue comes first.
    const idle = requestIdleCallback(() => void readWhatsNew().then(setNews), { timeout: 500 });
    return () => cancelIdleCallback(idle);
  }, []);

  return (
    <footer class="popup__footer">
      {news && (
        <p class="whats-new">
          <span>
            <strong>{`What’s new in ${news.version}: `}</strong>
            {news.note}
          </span>
          <button
            type="button"
            class="link-button"
            aria-label="Dismiss what’s new"
            onClick={() => {
              setNews(undefined);
              void dismissWhatsNew(news.version);
            }}
          >
            Dismiss
          </button>
        </p>
      )}
      <button
        type="button"
        class="link-button"
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#reachability') })}
      >
        Can I be reached?
      </button>
    </footer>
  );
}
