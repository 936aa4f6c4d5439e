import type { DepartmentRef } from '../salesiq/types';

/** Where a chat can be transferred: the background reads it (lib/chat/chat-actions.ts), the side panel shows it. */
export interface TransferChoices {
  departments: DepartmentRef[];
  /** Colleagues (not me), each with the departments they are in. */
  colleagues: { id: string; name: string; departmentIds: string[] }[];
}
