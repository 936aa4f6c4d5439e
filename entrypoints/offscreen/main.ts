import { browser } from 'wxt/browser';
import { isPlayChimeMessage } from '../../lib/messages';

// Plays the escalation chime for the Chrome service worker, which has no Audio of its own.
// Acts only on the chime message from our own service worker (see isPlayChimeMessage).
const declared = browser.runtime.getManifest().background;
const workerFile = declared && 'service_worker' in declared ? declared.service_worker : 'background.js';
const backgroundUrl = browser.runtime.getURL(`/${workerFile}` as '/');
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (!isPlayChimeMessage(message, sender, browser.runtime.id, backgroundUrl)) return;
  void new Audio(browser.runtime.getURL(message.play)).play();
});
