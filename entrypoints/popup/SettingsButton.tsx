import { browser } from 'wxt/browser';

export function SettingsButton() {
  return (
    <button type="button" class="settings-button" onClick={() => void browser.runtime.openOptionsPage()}>
      <span class="gear-icon" aria-hidden="true" />
      Settings
    </button>
  );
}
