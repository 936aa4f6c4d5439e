import { answerLost, type Reply } from '../messages';
import { describeError } from '../salesiq/errors';

type ReplyError = Extract<Reply, { ok: false }>['error'];

/**
 * The sentence to show an operator for a failed request. The background words its own errors
 * ("Ana picked up this chat first."); a message that reached no listening background (the worker
 * still starting) gets a sentence instead of Chrome's "Receiving end does not exist".
 */
export function plainError(error: ReplyError): string {
  if (/receiving end does not exist|could not establish connection/i.test(error.message)) {
    return 'The extension is still starting. Try again in a moment.';
  }
  // The worker stopped mid-request (Chrome stops idle workers): pickups and sends read SalesIQ
  // back before acting again, so trying again cannot do it twice.
  if (answerLost(error)) {
    return 'The extension restarted before it could answer. Look again in a moment; trying again is safe.';
  }
  if (error.message) return error.message;
  return error.kind === 'invalid' ? 'That request was not valid.' : describeError(error.kind);
}
