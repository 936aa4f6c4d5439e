import { firstRead } from '../sidepanel/initial';

/** The side panel's first IndexedDB read, started while its modules load (lib/ui/early-read.ts). */
export default defineUnlistedScript(() => firstRead.start());
