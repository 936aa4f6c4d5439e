/**
 * Where the project lives on the web: one place for the manifest's homepage_url, the options
 * page's About links, the welcome page and the store listing.
 */
export const HOMEPAGE_URL = 'https://github.com/salesiq-operators/operator-companion';
export const SUPPORT_URL = `${HOMEPAGE_URL}/issues`;
/** The privacy policy ships inside the extension (works offline); PRIVACY.md is its source. */
export const PRIVACY_PAGE = '/privacy.html';
export const NOT_AFFILIATED =
  'Not affiliated with, endorsed by or sponsored by Zoho Corporation. Zoho and SalesIQ are trademarks of Zoho Corporation.';
