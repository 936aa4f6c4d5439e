import { browser } from 'wxt/browser';
import { afterPaint } from './after-paint';

// After the first paint: the queue comes first.
const WhatsNewLine = afterPaint(() => import('./WhatsNewLine').then(({ WhatsNewLine: line }) => line)).AfterPaint;

/** The popup's last line: what changed in an update (until dismissed), and "Can I be reached?". */
export function PopupFooter() {
  return (
    <footer class="popup__footer">
      <WhatsNewLine />
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
