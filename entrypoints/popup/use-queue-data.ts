import { useMemo } from 'preact/hooks';
import { justPickedUp, waitingQueue } from '../../lib/ui/format';
import { useLiveMeta, useLiveRead } from '../../components/use-live-read';
import type { SessionInfo } from '../../lib/records';
import { readPicked, readWaiting, type PopupInitial } from './initial';
import { useExpiryTick } from './use-expiry-tick';

/**
 * What the signed-in popup reads, and the lists it shows: the portal's waiting chats, the rows
 * after the department filter, and "just picked up" (worked out here, once).
 */
export function useQueueData(session: SessionInfo, departmentFilter: string | null, initial?: PopupInitial) {
  const screen = session.portal?.screen;
  const operator = useLiveMeta('operator', initial?.operator);
  const clockOffsetMs = useLiveMeta('poll', initial?.poll)?.clockOffsetMs;
  const waitingRecords = useLiveRead(['chats'], readWaiting, [], initial?.waiting ?? null);
  const pickedRecords = useLiveRead(['chats'], readPicked, [], initial?.picked ?? null);

  const departments = session.departments ?? [];
  // A remembered department that is no longer the operator's would hide every chat: treat it as "all".
  const filter = departmentFilter && departments.some((d) => d.id === departmentFilter) ? departmentFilter : null;
  const portalWaiting = useMemo(
    () => (waitingRecords ? waitingQueue(waitingRecords, screen, null) : null),
    [waitingRecords, screen],
  );
  const rows = useMemo(
    () => (portalWaiting ? (filter ? portalWaiting.filter((c) => c.department?.id === filter) : portalWaiting) : []),
    [portalWaiting, filter],
  );
  const brandOf = useMemo(() => {
    const portals = session.portals ?? [];
    return portals.length > 1 ? new Map(portals.map((p) => [p.screen, p.name])) : null;
  }, [session.portals]);

  // Rows age out of "Just picked up" by the clock, not only when a chat changes.
  const expiry = useExpiryTick(pickedRecords);
  /* eslint-disable react-hooks/exhaustive-deps -- `expiry` is the clock's tick: it re-runs this on purpose */
  const picked = useMemo(
    () => (pickedRecords ? justPickedUp(pickedRecords, screen, Date.now()) : []),
    [pickedRecords, screen, expiry],
  );
  /* eslint-enable react-hooks/exhaustive-deps */

  return { operator, clockOffsetMs, departments, filter, portalWaiting, rows, brandOf, picked };
}
