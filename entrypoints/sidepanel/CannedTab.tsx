import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type CannedLibraryComponent = ComponentType<{ conversationId?: string }>;
type CannedModule = { CannedLibrary?: CannedLibraryComponent; default?: CannedLibraryComponent };

// A glob, not an import: the library is built separately and the panel must build without it.
// When the file exists it becomes its own chunk, loaded the first time this tab opens.
const loaders = import.meta.glob<CannedModule>('../../components/canned/CannedLibrary.tsx');
const load = Object.values(loaders)[0];

/** The "Canned responses" tab: the shared library component, loaded lazily. */
export function CannedTab({ conversationId }: { conversationId?: string }) {
  const [Library, setLibrary] = useState<CannedLibraryComponent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!load) return;
    load().then(
      (module) => {
        const component = module.CannedLibrary ?? module.default;
        if (component) setLibrary(() => component);
        else setFailed(true);
      },
      () => setFailed(true),
    );
  }, []);
  if (Library) return <Library conversationId={conversationId} />;
  if (!load) return <p class="empty">Canned responses will appear here.</p>;
  if (failed)
    return <p class="inline-error">The canned responses could not be loaded. Reopen the panel to try again.</p>;
  return (
    <p class="note" role="status">
      Loading canned responses…
    </p>
  );
}
