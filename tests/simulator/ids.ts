/**
 * Zoho-like numeric ids as strings. They are built above 2^53 on purpose: neighbouring ids
 * collapse to the same double, so any client that parses them as numbers fails visibly.
 */

/** Fixed ids shared with the seed document's sample (Patricia, the Zylker department, ...). */
export const FIXED_IDS = {
  me: '466756000000002001',
  departmentZylker: '466756000000002013',
  appId: '466756000000002043',
  seedConversation: '19000000033103',
  seedVisitor: '466756000000969001',
} as const;

export class IdSequence {
  private next: bigint;

  constructor(start: bigint) {
    this.next = start;
  }

  take(): string {
    const id = this.next;
    this.next += 1n;
    return id.toString();
  }
}

/** One sequence per kind of object, in disjoint ranges so ids stay readable in logs. */
export function createIdSequences() {
  return {
    conversation: new IdSequence(466756000001200001n),
    visitor: new IdSequence(466756000000970001n),
    message: new IdSequence(466756000003000001n),
    reference: new IdSequence(152n),
  };
}

export type IdSequences = ReturnType<typeof createIdSequences>;
