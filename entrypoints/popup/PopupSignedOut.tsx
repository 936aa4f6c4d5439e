import { SignedOut } from '../../components/SignedOut';
import type { SessionInfo } from '../../lib/records';

/**
 * The popup's sign-in view, a chunk of the popup's own that it loads only when signed out. (Loaded
 * straight from the chunk the side panel shares, SignedOut would need the bundler's runtime there,
 * a file more for every page.)
 */
export function PopupSignedOut({ session }: { session: SessionInfo | undefined }) {
  return <SignedOut session={session} />;
}
