import { READ_BACK_MARGIN_MS, findSentLine } from '../../lib/canned/send-outcome';
import type { Message } from '../../lib/salesiq/types';

/**
 * Lines the operator sent from the side panel, from Enter until the saved transcript shows them.
 * Pure: the composer keeps the list, this says how it changes and what is still worth showing.
 */
export interface OutboxLine {
  key: string;
  text: string;
  state: 'sending' | 'sent' | 'failed';
  /** SalesIQ's own line, once it confirmed the send. */
  message?: Message;
  /** Plain words, for a failed line. */
  error?: string;
}

export function addLine(lines: readonly OutboxLine[], key: string, text: string): OutboxLine[] {
  return [...lines, { key, text, state: 'sending' }];
}

export function markSent(lines: readonly OutboxLine[], key: string, message: Message): OutboxLine[] {
  return lines.map((line) => (line.key === key ? { key, text: line.text, state: 'sent', message } : line));
}

export function markFailed(lines: readonly OutboxLine[], key: string, error: string): OutboxLine[] {
  return lines.map((line) => (line.key === key ? { key, text: line.text, state: 'failed', error } : line));
}

export function markSending(lines: readonly OutboxLine[], key: string): OutboxLine[] {
  return lines.map((line) => (line.key === key ? { key, text: line.text, state: 'sending' } : line));
}

export function removeLine(lines: readonly OutboxLine[], key: string): OutboxLine[] {
  return lines.filter((line) => line.key !== key);
}

/** Whether the transcript already holds this confirmed line: by SalesIQ's id, or as the same words of mine from then on. */
function inTranscript(line: OutboxLine, transcript: readonly Message[], myOperatorId: string): boolean {
  const message = line.message;
  if (!message) return false;
  if (transcript.some((m) => m.id === message.id)) return true;
  return !!findSentLine(transcript, line.text, myOperatorId, message.time - READ_BACK_MARGIN_MS);
}

/** What to show after the transcript: everything not yet in it. A sent line leaves once the transcript has it. */
export function visibleLines(
  lines: readonly OutboxLine[],
  transcript: readonly Message[],
  myOperatorId: string,
): OutboxLine[] {
  return lines.filter((line) => line.state !== 'sent' || !inTranscript(line, transcript, myOperatorId));
}

/** Sent lines the transcript now shows: the composer drops them from its list. */
export function settledKeys(
  lines: readonly OutboxLine[],
  transcript: readonly Message[],
  myOperatorId: string,
): string[] {
  return lines
    .filter((line) => line.state === 'sent' && inTranscript(line, transcript, myOperatorId))
    .map((line) => line.key);
}
