import type { ComponentChildren } from 'preact';

/**
 * Our own Markdown documents (the privacy policy) as page content: headings, paragraphs, bullet
 * lists, `code` and bare links. Text nodes only, never HTML, so the file is the single source.
 */
function inline(text: string): ComponentChildren[] {
  return text.split(/(`[^`]+`|https?:\/\/\S+)/).map((part, index) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
      return <code key={index}>{part.slice(1, -1)}</code>;
    if (/^https?:\/\//.test(part))
      return (
        <a key={index} href={part} target="_blank" rel="noopener noreferrer">
          {part}
        </a>
      );
    return part;
  });
}

type Block = { kind: 'h1' | 'h2' | 'p'; text: string } | { kind: 'ul'; items: string[] };

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim());
    const heading = /^(#{1,2}) (.*)$/.exec(lines[0] ?? '');
    if (heading) {
      blocks.push({ kind: heading[1] === '#' ? 'h1' : 'h2', text: heading[2] ?? '' });
      lines.shift();
    }
    if (!lines.length) continue;
    if (lines[0]?.startsWith('- ')) {
      const items: string[] = [];
      for (const line of lines) {
        if (line.startsWith('- ')) items.push(line.slice(2).trim());
        else items[items.length - 1] += ` ${line.trim()}`; // a wrapped item continues
      }
      blocks.push({ kind: 'ul', items });
    } else blocks.push({ kind: 'p', text: lines.map((line) => line.trim()).join(' ') });
  }
  return blocks;
}

export function MarkdownText({ source }: { source: string }) {
  return (
    <>
      {parseMarkdown(source).map((block, index) => {
        if (block.kind === 'ul')
          return (
            <ul key={index}>
              {block.items.map((item, i) => (
                <li key={i}>{inline(item)}</li>
              ))}
            </ul>
          );
        const Tag = block.kind;
        return <Tag key={index}>{inline(block.text)}</Tag>;
      })}
    </>
  );
}
