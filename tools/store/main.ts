/**
 * `npm run store`: everything a submission to the Chrome Web Store, Edge Add-ons and Firefox
 * Add-ons needs, in `store/` (git-ignored), checked against each store's published limits.
 * The text lives in store-listing/*.md and the locale file; every picture is generated here
 * from the store build running on the Zoho simulator, so none goes stale.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/e2e/chromium-path';
import { checkStoreFolder, checkText, readListingText } from './check';
import { ensureFonts } from './fonts';
import { frameShot, promoTile, storeIcon } from './frame';
import { STORE_LIMITS } from './limits';
import { captureUi } from './shots';
import { rebuildFromSources } from './source-build';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = resolve(ROOT, 'store');
const OUTPUT = resolve(ROOT, '.output');
/** Chrome takes at most 5 screenshots: both schemes, alternating. Edge and AMO take all 10. */
const CHROME_PICK = ['popup-waiting-light', 'popup-picked-up-dark', 'sidepanel-visitor-light', 'sidepanel-canned-dark', 'notification-light'];
/** The few the README shows (committed under docs/screenshots/). */
const README_PICK = ['popup-waiting-light', 'popup-waiting-dark', 'sidepanel-visitor-light'];

const log = (line: string) => console.log(`• ${line}`);

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
}

async function main(): Promise<void> {
  const readmeShots = process.argv.includes('--readme-screenshots');
  ensureFonts(log);
  if (!process.env.WXT_ZOHO_CLIENT_ID) {
    log('WXT_ZOHO_CLIENT_ID is not set: the zips use the simulator-only placeholder client id. Set it for a real submission.');
  }

  log('Building and zipping (Chrome/Edge, Firefox, Firefox sources)…');
  rmSync(OUTPUT, { recursive: true, force: true });
  run('npx', ['wxt', 'zip']);
  run('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3']);
  const zips = readdirSync(OUTPUT).filter((f) => f.endsWith('.zip'));
  const zip = (suffix: string) => {
    const found = zips.find((f) => f.endsWith(suffix));
    if (!found) throw new Error(`wxt zip wrote no *${suffix} in .output/.`);
    return join(OUTPUT, found);
  };
  const chromeZip = zip('-chrome.zip');
  const firefoxZip = zip('-firefox.zip');
  const sourcesZip = zip('-sources.zip');

  const text = readListingText(ROOT);
  const manifest = JSON.parse(readFileSync(join(OUTPUT, 'chrome-mv3/manifest.json'), 'utf8')) as { permissions: string[] };
  const textProblems = checkText(text, manifest.permissions);
  if (textProblems.length) throw new Error(`The listing text breaks store limits:\n  ${textProblems.join('\n  ')}`);

  const differences = rebuildFromSources(sourcesZip, join(OUTPUT, 'firefox-mv3'), log);
  if (differences.length) throw new Error(`Rebuilding from the sources zip does not give the same package:\n  ${differences.join('\n  ')}`);
  log('Rebuilt from the sources zip in a clean folder: byte-identical.');

  // wxt zip -b firefox left the Chrome build in place; the screenshots use it.
  log('Taking screenshots on the simulator (light and dark)…');
  const raw = await captureUi(log);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  const iconSvg = readFileSync(join(ROOT, 'public/icon/icon.svg'), 'utf8');
  const shotFiles: string[] = [];
  try {
    for (const [index, shot] of raw.entries()) {
      const file = `${String(Math.floor(index / 2) + 1)}-${shot.name}-${shot.scheme}.png`;
      writeFileSync(join(OUT, 'screenshots', file), await frameShot(browser, shot));
      shotFiles.push(file);
    }
    writeFileSync(join(OUT, 'promo-440x280.png'), await promoTile(browser, iconSvg, text.name, 'Every waiting chat at once. One click to pick it up.'));
    writeFileSync(join(OUT, 'icon-128.png'), await storeIcon(browser, iconSvg, 128, 96));
    writeFileSync(join(OUT, 'icon-96.png'), await storeIcon(browser, iconSvg, 96, 96));
  } finally {
    await browser.close();
  }

  const justifications = [...text.justifications].map(([permission, why]) => `## ${permission}\n${why}`).join('\n\n');
  for (const limits of STORE_LIMITS) {
    const dir = join(OUT, limits.store);
    mkdirSync(join(dir, 'screenshots'), { recursive: true });
    const files: Record<string, string> = {
      'name.txt': text.name,
      'summary.txt': text.summary,
      'description.txt': text.description,
      'privacy-policy.md': readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8'),
      'reviewer-notes.md': text.reviewerNotes,
    };
    if (limits.store === 'firefox') files['SOURCE_BUILD.md'] = readFileSync(join(ROOT, 'SOURCE_BUILD.md'), 'utf8');
    else Object.assign(files, { 'single-purpose.txt': text.singlePurpose, 'permissions.md': `# Permission justifications\n\n${justifications}\n`, 'data-use.md': text.dataUse });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), `${content.trim()}\n`);
    const picked = limits.store === 'chrome' ? shotFiles.filter((f) => CHROME_PICK.some((p) => f.endsWith(`-${p}.png`))) : shotFiles;
    for (const file of picked) copyFileSync(join(OUT, 'screenshots', file), join(dir, 'screenshots', file));
    if (limits.promoTile) copyFileSync(join(OUT, 'promo-440x280.png'), join(dir, 'promo-440x280.png'));
    copyFileSync(join(OUT, `icon-${limits.icon.size}.png`), join(dir, `icon-${limits.icon.size}.png`));
    for (const source of limits.store === 'firefox' ? [firefoxZip, sourcesZip] : [chromeZip]) copyFileSync(source, join(dir, source.split('/').pop()!));
  }

  writeFileSync(
    join(OUT, 'README.md'),
    `# Store submission (generated by npm run store; do not edit)

- chrome/: Chrome Web Store developer dashboard. Package: the zip. Store listing: description.txt,
  icon-128.png, screenshots/ (5), promo-440x280.png. Privacy: single-purpose.txt, permissions.md,
  data-use.md; privacy policy URL: the published PRIVACY.md. Reviewer notes: reviewer-notes.md.
- edge/: Microsoft Partner Center, the same files (10 screenshots).
- firefox/: addons.mozilla.org. Upload the firefox zip, then the sources zip when asked
  (SOURCE_BUILD.md is inside it); summary.txt, description.txt, icon-96.png, screenshots/;
  reviewer notes go in "Notes to Reviewer". Leave "Firefox for Android" unticked (not tested there).
${process.env.WXT_ZOHO_CLIENT_ID ? '' : '\nWARNING: built without WXT_ZOHO_CLIENT_ID: these zips only sign in to the simulator. Do not submit them.\n'}`,
  );

  const problems = STORE_LIMITS.flatMap((limits) => checkStoreFolder(join(OUT, limits.store), limits));
  if (problems.length) throw new Error(`The generated listing breaks store limits:\n  ${problems.join('\n  ')}`);

  if (readmeShots) {
    const docs = join(ROOT, 'docs/screenshots');
    mkdirSync(docs, { recursive: true });
    for (const file of shotFiles.filter((f) => README_PICK.some((p) => f.endsWith(`-${p}.png`)))) copyFileSync(join(OUT, 'screenshots', file), join(docs, file.replace(/^\d+-/, '')));
    log(`README screenshots updated in ${docs}.`);
  }
  log(`Done: store/chrome, store/edge and store/firefox are complete and within every store's limits (${shotFiles.length} screenshots).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
