import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pngSize, readPng, transparentBorder } from './png';
import { JUSTIFICATION_MAX, SHORT_NAME_MAX, STORE_LIMITS, type StoreLimits } from './limits';

/** What a listing says, read from the repository: the locale strings and store-listing/*.md. */
export interface ListingText {
  name: string;
  shortName: string;
  summary: string;
  description: string;
  singlePurpose: string;
  /** Permission (or "host permissions") → its justification. */
  justifications: Map<string, string>;
  dataUse: string;
  reviewerNotes: string;
}

export function readListingText(root: string): ListingText {
  const messages = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  const read = (file: string) => readFileSync(join(root, 'store-listing', file), 'utf8').trim();
  const justifications = new Map<string, string>();
  for (const section of read('permissions.md').split(/^## /m).slice(1)) {
    const [title = '', ...body] = section.split('\n');
    justifications.set(title.trim(), body.join(' ').replace(/\s+/g, ' ').trim());
  }
  return {
    name: messages.extName?.message ?? '',
    shortName: messages.extShortName?.message ?? '',
    summary: messages.extDescription?.message ?? '',
    description: read('description.md'),
    singlePurpose: read('single-purpose.md'),
    justifications,
    dataUse: read('data-use.md'),
    reviewerNotes: read('reviewer-notes.md'),
  };
}

/** Characters as the stores count them: code points (an emoji is one, not two UTF-16 units). */
const length = (text: string) => [...text].length;

/** Every way the texts break a store's published limit; empty when the listing fits. */
export function checkText(text: ListingText, permissions: readonly string[]): string[] {
  const problems: string[] = [];
  const limit = (what: string, value: string, max: number, min = 1) => {
    if (length(value) > max) problems.push(`${what} is ${length(value)} characters; at most ${max}.`);
    if (length(value) < min) problems.push(`${what} is ${length(value)} characters; at least ${min}.`);
  };
  for (const store of STORE_LIMITS) {
    limit(`The name (${store.store})`, text.name, store.nameMax);
    limit(`The summary (${store.store})`, text.summary, store.summaryMax);
    limit(`The description (${store.store})`, text.description, store.descriptionMax, store.descriptionMin);
  }
  limit('short_name', text.shortName, SHORT_NAME_MAX);
  limit('The single-purpose statement', text.singlePurpose, JUSTIFICATION_MAX);
  for (const permission of [...permissions, 'host permissions']) {
    const why = text.justifications.get(permission);
    if (!why) problems.push(`No justification for "${permission}" in store-listing/permissions.md.`);
    else limit(`The justification for ${permission}`, why, JUSTIFICATION_MAX);
  }
  for (const listed of text.justifications.keys()) {
    if (listed !== 'host permissions' && !permissions.includes(listed)) problems.push(`permissions.md justifies "${listed}", which the manifest does not ask for.`);
  }
  if (!/not affiliated with/i.test(text.description)) problems.push('The description must say the extension is not affiliated with Zoho.');
  if (!/trial/i.test(text.reviewerNotes)) problems.push('The reviewer notes must say how to get a Zoho SalesIQ trial portal.');
  return problems;
}

function checkPng(path: string, size: [number, number] | Array<[number, number]>, noAlpha: boolean, problems: string[]): void {
  if (!existsSync(path)) return void problems.push(`Missing ${path}.`);
  const { width, height, colorType } = pngSize(readFileSync(path));
  const sizes = Array.isArray(size[0]) ? (size as Array<[number, number]>) : [size as [number, number]];
  if (!sizes.some(([w, h]) => w === width && h === height)) problems.push(`${path} is ${width}×${height}; expected ${sizes.map(([w, h]) => `${w}×${h}`).join(' or ')}.`);
  if (noAlpha && colorType !== 2) problems.push(`${path} has an alpha channel; the store wants 24-bit PNG without alpha.`);
}

const TEXT_FILES = ['name.txt', 'summary.txt', 'description.txt', 'privacy-policy.md', 'reviewer-notes.md'];
const CHROMIUM_FILES = ['single-purpose.txt', 'permissions.md', 'data-use.md'];

/** The generated store/ folder for one store against that store's limits. */
export function checkStoreFolder(dir: string, limits: StoreLimits): string[] {
  const problems: string[] = [];
  const required = [...TEXT_FILES, ...(limits.store === 'firefox' ? ['SOURCE_BUILD.md'] : CHROMIUM_FILES)];
  for (const file of required) if (!existsSync(join(dir, file))) problems.push(`Missing ${join(dir, file)}.`);
  const zips = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.zip')) : [];
  if (!zips.some((f) => !f.endsWith('-sources.zip'))) problems.push(`No extension zip in ${dir}.`);
  if (limits.store === 'firefox' && !zips.some((f) => f.endsWith('-sources.zip'))) problems.push(`No sources zip in ${dir}.`);
  const shots = existsSync(join(dir, 'screenshots')) ? readdirSync(join(dir, 'screenshots')).filter((f) => f.endsWith('.png')) : [];
  if (shots.length < limits.screenshot.min || shots.length > limits.screenshot.max) {
    problems.push(`${dir} has ${shots.length} screenshots; ${limits.store} takes ${limits.screenshot.min} to ${limits.screenshot.max}.`);
  }
  for (const shot of shots) checkPng(join(dir, 'screenshots', shot), limits.screenshot.sizes, limits.screenshot.noAlpha, problems);
  if (limits.promoTile) checkPng(join(dir, 'promo-440x280.png'), limits.promoTile, true, problems);
  const icon = join(dir, `icon-${limits.icon.size}.png`);
  checkPng(icon, [limits.icon.size, limits.icon.size], false, problems);
  if (limits.icon.artwork && existsSync(icon)) {
    const padding = (limits.icon.size - limits.icon.artwork) / 2;
    if (!transparentBorder(readPng(readFileSync(icon)), padding)) problems.push(`${icon} needs ${padding} px of transparent padding around ${limits.icon.artwork} px artwork.`);
  }
  return problems;
}
