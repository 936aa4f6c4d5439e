import { useEffect, useState } from 'preact/hooks';
import { dismissWhatsNew, readWhatsNew } from '../../lib/onboarding/whats-new';

/** What changed in an update, until dismissed (PopupFooter loads this after the first paint). */
export function WhatsNewLine() {
  const [news, setNews] = useState<{ version: string; note: string }>();
  useEffect(() => void readWhatsNew().then(setNews), []);
  if (!news) return null;
  return (
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
  );
}
