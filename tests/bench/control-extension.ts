/**
 * A control extension for a bench: a tiny MV3 extension written to a temporary folder, never
 * shipped. A manifest, one service worker and one page with no script (an extension page to host
 * chrome.* calls or messages), nothing else: no IndexedDB, badge, notifications or storage.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CONTROL_WORKER = 'control-worker.js';
export const CONTROL_PAGE = 'control.html';

export interface ControlExtension {
  /** The worker's source (classic script). */
  worker: string;
  permissions: string[];
  hostPermissions: string[];
}

/** Writes the extension and returns its folder (the caller removes it). */
export function writeControlExtension({ worker, permissions, hostPermissions }: ControlExtension): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'oc-control-ext-')));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Bench control worker',
      version: '1.0',
      background: { service_worker: CONTROL_WORKER },
      permissions,
      host_permissions: hostPermissions,
    }),
  );
  writeFileSync(join(dir, CONTROL_WORKER), worker);
  writeFileSync(join(dir, CONTROL_PAGE), '<!doctype html><title>control</title><p>control</p>\n');
  return dir;
}

/**
 * The id Chromium gives an unpacked extension loaded from `dir`: the SHA-256 of its absolute
 * path, first 16 bytes, each hex digit 0-f written as a letter a-p (components/crx_file/id_util.cc).
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
