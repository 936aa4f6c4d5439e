import { matchRanges, segments } from '../../lib/canned/highlight';

/**
 * Text with the query's matches in <mark>: strings become text nodes, never markup, so a
 * response containing HTML shows as the characters it is.
 */
export function Highlighted({
  text,
  tokens,
  max = Infinity,
}: {
  text: string;
  tokens: readonly string[];
  max?: number;
}) {
  const parts = segments(text, matchRanges(text, tokens, max), max);
  return <>{parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
