/**
 * Placeholders in canned responses, filled from the chat at hand: `{visitor.name}`,
 * `{visitor.first_name}`, `{visitor.email}`, `{visitor.phone}`, `{operator.name}`,
 * `{operator.first_name}`, `{department}`, each with an optional fallback after a bar:
 * `{visitor.first_name|there}`. Names are case-insensitive. A known placeholder with no value and
 * no fallback stays as typed, so the operator sees the gap before the text goes out; braces that
 * name nothing we know (code, JSON, other tools' syntax) are never touched.
 */
export interface PlaceholderContext {
  visitor?: { name?: string; email?: string; phone?: string };
  operator?: { name?: string };
  department?: string;
}

export interface FilledText {
  text: string;
  /** Placeholders left unfilled (no value, no fallback), as written. */
  missing: string[];
}

function firstName(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0] || undefined;
}

const RESOLVERS: Record<string, (ctx: PlaceholderContext) => string | undefined> = {
  'visitor.name': (ctx) => ctx.visitor?.name,
  'visitor.first_name': (ctx) => firstName(ctx.visitor?.name),
  'visitor.email': (ctx) => ctx.visitor?.email,
  'visitor.phone': (ctx) => ctx.visitor?.phone,
  'operator.name': (ctx) => ctx.operator?.name,
  'operator.first_name': (ctx) => firstName(ctx.operator?.name),
  department: (ctx) => ctx.department,
};

// {name} or {name|fallback}; the fallback may hold anything but braces and newlines.
const PATTERN = /\{\s*([a-zA-Z_.]+)\s*(?:\|([^{}\n]*))?\}/g;

export function fillPlaceholders(text: string, ctx: PlaceholderContext): FilledText {
  const missing: string[] = [];
  const filled = text.replace(PATTERN, (whole, rawName: string, fallback: string | undefined) => {
    const resolve = RESOLVERS[rawName.toLowerCase()];
    if (!resolve) return whole;
    const value = resolve(ctx)?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback.trim();
    missing.push(whole);
    return whole;
  });
  return { text: filled, missing };
}
