import type { Plugin } from 'vite';

/**
 * The modules an entry runs before anything it imports dynamically: the entry and, transitively,
 * its static imports, read from the module graph when the build has parsed everything (before
 * chunks are made, so a chunking rule can ask `has`).
 */
export function staticImportsOf(entry: RegExp): { plugin: Plugin; has(id: string): boolean } {
  const modules = new Set<string>();
  return {
    has: (id) => modules.has(id),
    plugin: {
      name: 'operator-companion:static-imports',
      apply: 'build',
      buildStart() {
        modules.clear();
      },
      buildEnd() {
        const pending = [...this.getModuleIds()].filter((id) => entry.test(id));
        while (pending.length) {
          const id = pending.pop()!;
          if (modules.has(id)) continue;
          modules.add(id);
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
      },
    },
  };
}
