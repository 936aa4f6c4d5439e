/**
 * Each store's published limits for a listing, with where each number comes from. The store
 * command checks the generated files against these, and a unit test checks the texts.
 */
export interface StoreLimits {
  store: 'chrome' | 'edge' | 'firefox';
  nameMax: number;
  /** The manifest description, which the stores show as the summary. */
  summaryMax: number;
  descriptionMin: number;
  descriptionMax: number;
  screenshot: { sizes: Array<[number, number]>; min: number; max: number; noAlpha: boolean };
  promoTile?: [number, number];
  icon: { size: number; artwork?: number };
  sources: string[];
}

const MDN_NAME = 'https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/name (as of February 2024: AMO 50, Chrome Web Store 75, Edge Add-ons 45 characters)';
const CHROME_DESCRIPTION = 'https://developer.chrome.com/docs/extensions/reference/manifest/description ("no more than 132 characters")';
const MDN_DESCRIPTION = 'https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/description ("In Firefox and Chrome this value can be up to 132 characters")';
const CHROME_IMAGES = 'https://developer.chrome.com/docs/webstore/images (icon 128×128 with 96×96 artwork and 16 px transparent padding; screenshots 1280×800 or 640×400, JPEG or 24-bit PNG without alpha, 1 to 5; small promo tile 440×280)';
const CHROME_CHECKLIST = 'https://dev.to/mattgaiser/the-chrome-extension-deployment-checklist-2dg5 (description up to 16,000 characters; the image sizes above)';

/** short_name: "maximum of 12 characters recommended" (developer.chrome.com/docs/extensions/mv2/manifest/name). */
export const SHORT_NAME_MAX = 12;

export const STORE_LIMITS: readonly StoreLimits[] = [
  {
    store: 'chrome',
    nameMax: 75,
    summaryMax: 132,
    descriptionMin: 1,
    descriptionMax: 16_000,
    screenshot: { sizes: [[1280, 800], [640, 400]], min: 1, max: 5, noAlpha: true },
    promoTile: [440, 280],
    icon: { size: 128, artwork: 96 },
    sources: [MDN_NAME, CHROME_DESCRIPTION, CHROME_IMAGES, CHROME_CHECKLIST],
  },
  {
    store: 'edge',
    nameMax: 45,
    summaryMax: 132, // the same manifest field, read by the same Chromium
    // Partner Center's "Description" field: at least 250 and at most 10,000 characters
    // (learn.microsoft.com/microsoft-edge/extensions-chromium/publish/publish-extension).
    descriptionMin: 250,
    descriptionMax: 10_000,
    // Same page: screenshots 640×480 or 1280×800, up to 10; small promotional tile 440×280.
    screenshot: { sizes: [[1280, 800], [640, 480]], min: 1, max: 10, noAlpha: true },
    promoTile: [440, 280],
    icon: { size: 128 },
    sources: [MDN_NAME, CHROME_DESCRIPTION, 'https://learn.microsoft.com/en-us/microsoft-edge/extensions-chromium/publish/publish-extension'],
  },
  {
    store: 'firefox',
    nameMax: 50,
    // AMO's summary is the manifest description; Firefox takes up to 132 characters there.
    summaryMax: 132,
    descriptionMin: 1,
    // No published maximum found for AMO's description: held to Chrome's, the strictest we know.
    descriptionMax: 16_000,
    // AMO sets no fixed screenshot size; the Chrome files are reused.
    screenshot: { sizes: [[1280, 800]], min: 1, max: 10, noAlpha: false },
    // The Firefox package's icons include 96 px (the size Firefox's add-ons manager uses on HiDPI).
    icon: { size: 96 },
    sources: [MDN_NAME, MDN_DESCRIPTION],
  },
];

/** Chrome's per-field limit for the single purpose and each permission justification. */
export const JUSTIFICATION_MAX = 1_000;
