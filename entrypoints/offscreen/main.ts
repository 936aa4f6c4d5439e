import { browser } from 'wxt/browser';

// Plays the escalation chime for the Chrome service worker, which has no Audio of its own.
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id) return;
  const request = message as { target?: string; play?: string };
  if (request?.target !== 'offscreen' || typeof request.play !== 'string' || !request.play.startsWith('/sounds/')) return;
  void new Audio(browser.runtime.getURL(request.play as '/sounds/chime.wav')).play();
});
