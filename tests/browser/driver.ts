/**
 * What a browser scenario may do, in the operator's terms. The scenarios (tests/browser/scenarios)
 * hold every step and assertion once; a driver per browser implements this interface:
 * - Chromium: Playwright (tests/browser/drivers/chromium.ts), on the Chrome store build.
 * - Firefox: puppeteer-core over WebDriver BiDi (tests/browser/drivers/firefox.ts), on the
 *   Firefox build. Playwright 1.65 cannot drive Firefox 153 over BiDi, hence two drivers.
 * Pages are found and clicked by role and accessible name, as a user (or screen reader) sees them.
 */
import type { Simulator, SimulatorOptions } from '../simulator/types';

export type Role =
  'button' | 'link' | 'tab' | 'heading' | 'searchbox' | 'textbox' | 'listitem' | 'region' | 'status' | 'alert';
export type Name = string | RegExp;

export interface UiPage {
  /**
   * Clicks the first element with this role and accessible name (inside the first element
   * matching `within`, if given), waiting up to 15 s for it to appear.
   */
  click(role: Role, name: Name, within?: { role: Role | 'list'; name: Name }): Promise<void>;
  /** How many elements with this role (and name, if given) are on the page now. */
  count(role: Role, name?: Name): Promise<number>;
  /** The page's visible text (as rendered: CSS text-transform applies). */
  text(): Promise<string>;
  /** Whether the visible text contains this, ignoring case (headings are upper-cased by CSS). */
  hasText(text: string | RegExp): Promise<boolean>;
  /** Types into the field with this role and name (after clearing it). */
  fill(role: Role, name: Name, text: string): Promise<void>;
  /** The current value of a field. */
  value(role: Role, name: Name): Promise<string>;
  /** Presses a key in the focused element ("Enter", "ArrowDown", "Escape"…). */
  press(key: string): Promise<void>;
  /** Texts of the rows (role listitem) inside the list with this accessible name. */
  listTexts(listName: Name): Promise<string[]>;
  url(): string;
  close(): Promise<void>;
}

type ExtensionPage = 'popup' | 'sidepanel' | 'options';

export interface Driver {
  readonly browserName: 'chromium' | 'firefox';
  readonly sim: Simulator;
  /** What `identity.getRedirectURL()` answers in this browser for this build. */
  readonly redirectUri: string;
  openPage(name: ExtensionPage, query?: string): Promise<UiPage>;
  /** A web page in a new tab (e.g. the simulator's SalesIQ console), once `waitForRole` shows. */
  openUrl(url: string, waitForRole: { role: Role; name: Name }): Promise<UiPage>;
  /** The next tab the browser opens (e.g. the sign-in consent page), as a page to drive. */
  nextPage(action: () => Promise<void>): Promise<UiPage>;
  /** URLs of every open tab. */
  tabUrls(): Promise<string[]>;
  badge(): Promise<{ text: string; title: string }>;
  /** Ids of the extension's notifications on screen (`notifications.getAll()`). */
  notifications(): Promise<string[]>;
  /** Clicks the notification's body, as the operator would on the desktop. */
  clickNotification(id: string): Promise<void>;
  /** Runs a function in an extension context (worker or extension page) with the `browser` API. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Quits the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  /**
   * Stops the background as the browser does when it is idle; undefined where the driver cannot
   * (Playwright keeps Chromium's worker alive while attached).
   */
  stopBackground?: () => Promise<void>;
  /**
   * The page shown in the browser's own side panel / sidebar, or undefined when it is closed;
   * the method is undefined where the driver cannot see the panel (Chromium's, headless).
   */
  panelUrl?: () => Promise<string | undefined>;
  close(): Promise<void>;
}

export type StartDriver = (options?: SimulatorOptions) => Promise<Driver>;

/** Optional driver abilities a scenario may need; a driver without one reports the scenario skipped. */
export type Ability =
  | 'stopBackground'
  | 'panelUrl'
  /** The panel page can be clicked while a web page stays the active tab (as the real panel beside it). */
  | 'panelBesideActiveTab';
