/** "just now", "5 min ago", "3 h ago", "2 days ago": how fresh the saved library is. */
export function ago(then: number, now = Date.now()): string {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

// One formatter for every call: toLocaleString() sets up a new one each time, a tenth of a
// millisecond that every keystroke in the canned library paid (the result count).
const NUMBER = new Intl.NumberFormat();

export function count(n: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}
