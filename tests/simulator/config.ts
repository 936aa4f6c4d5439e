/**
 * Defaults and validation of the simulator's switches. The HTTP control API feeds untrusted JSON
 * into `configure`, so every value is checked here once instead of in every handler.
 */
import { FIXED_IDS } from './ids';
import { OTHER_OPERATOR_IDS } from './org';
import type { DcLocation, PortalSpec, SimulatorConfig, SimulatorOptions } from './types';

export const DEFAULT_CONFIG: Readonly<SimulatorConfig> = Object.freeze({
  authMode: 'auto',
  dc: 'us',
  tokenLifetimeSec: 3600,
  refresh: 'ok',
  pickupMethod: 'both',
  wrongMethodAnswer: 'envelope',
  takenAnswer: 'envelope',
  authErrorsAs: 'envelope',
  visitorsApi: 'enabled',
  missedAfterMs: 60_000,
  portals: [{ screenname: 'zylker', name: 'Zylker' }],
  cannedCount: 25,
  scenario: 'quiet',
  liveSpeed: 1,
  malformedItems: false,
  appName: 'Operator Companion for Zoho SalesIQ',
  seedChat: true,
  browserAccount: FIXED_IDS.me,
  clockOffsetMs: 0,
  visitorWritesPerMin: 0,
  visitorLeavesAfterMs: 0,
  visitorLeaveChance: 0.5,
});

const CHOICES: { [K in keyof SimulatorConfig]?: readonly string[] } = {
  authMode: ['auto', 'consent', 'deny'],
  dc: ['us', 'eu', 'in', 'au', 'jp', 'ca', 'sa', 'uk', 'cn'] satisfies DcLocation[],
  refresh: ['ok', 'prompt_required', 'client_not_granted'],
  pickupMethod: ['both', 'put-only', 'post-only'],
  wrongMethodAnswer: ['envelope', 'http405'],
  takenAnswer: ['envelope', 'attender-not-me'],
  authErrorsAs: ['envelope', 'http401'],
  visitorsApi: ['enabled', 'disabled'],
  scenario: ['quiet', 'lively'],
  browserAccount: [FIXED_IDS.me, ...OTHER_OPERATOR_IDS],
};

const NUMBERS: { [K in keyof SimulatorConfig]?: { min: number; max: number } } = {
  tokenLifetimeSec: { min: 1, max: 365 * 24 * 3600 },
  missedAfterMs: { min: 0, max: 24 * 3600 * 1000 },
  cannedCount: { min: 0, max: 200_000 },
  liveSpeed: { min: 0.01, max: 10_000 },
  clockOffsetMs: { min: -24 * 3600 * 1000, max: 24 * 3600 * 1000 },
  visitorWritesPerMin: { min: 0, max: 600 },
  visitorLeavesAfterMs: { min: 0, max: 24 * 3600 * 1000 },
  visitorLeaveChance: { min: 0, max: 1 },
};

const BOOLEANS: ReadonlySet<string> = new Set(['malformedItems', 'seedChat']);
const STRINGS: ReadonlySet<string> = new Set(['appName']);

export type ConfigPatch = Partial<Omit<SimulatorConfig, 'portals'>> & { portals?: Array<string | PortalSpec> };

function normalizePortals(value: unknown): PortalSpec[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error('portals must be a non-empty array');
  return value.map((item) => {
    const spec: PortalSpec = typeof item === 'string' ? { screenname: item } : (item as PortalSpec);
    if (!spec || typeof spec.screenname !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(spec.screenname)) {
      throw new Error(`invalid portal ${JSON.stringify(item)}`);
    }
    return { screenname: spec.screenname, name: spec.name ?? titleCase(spec.screenname) };
  });
}

function titleCase(screenname: string): string {
  return screenname
    .split(/[-_.]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** Returns a new config with the patch applied; throws on unknown keys or bad values. */
export function applyConfigPatch(base: SimulatorConfig, patch: ConfigPatch | Record<string, unknown>): SimulatorConfig {
  const next: SimulatorConfig = { ...base, portals: [...base.portals] };
  const target = next as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'portals') {
      next.portals = normalizePortals(value);
    } else if (CHOICES[key as keyof SimulatorConfig]) {
      const allowed = CHOICES[key as keyof SimulatorConfig]!;
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw new Error(`${key} must be one of ${allowed.join(', ')}`);
      }
      target[key] = value;
    } else if (NUMBERS[key as keyof SimulatorConfig]) {
      const { min, max } = NUMBERS[key as keyof SimulatorConfig]!;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        throw new Error(`${key} must be a number in [${min}, ${max}]`);
      }
      target[key] = value;
    } else if (BOOLEANS.has(key)) {
      if (typeof value !== 'boolean') throw new Error(`${key} must be a boolean`);
      target[key] = value;
    } else if (STRINGS.has(key)) {
      if (typeof value !== 'string') throw new Error(`${key} must be a string`);
      target[key] = value;
    } else {
      throw new Error(`unknown option ${key}`);
    }
  }
  return next;
}

/** Splits start options into the runtime config and the start-only settings. */
export function resolveOptions(options: SimulatorOptions = {}): {
  config: SimulatorConfig;
  port: number;
  bindAddress: string;
  seed: number;
} {
  const { port = 0, bindAddress = '127.0.0.1', seed = 1, ...patch } = options;
  return {
    config: applyConfigPatch({ ...DEFAULT_CONFIG, portals: [...DEFAULT_CONFIG.portals] }, patch),
    port,
    bindAddress,
    seed,
  };
}
