import type { ComponentChildren } from 'preact';

/** A settings section with its heading and a polite "Saved" status next to it. */
export function Section({
  id,
  title,
  status,
  children,
}: {
  id: string;
  title: string;
  status: string;
  children: ComponentChildren;
}) {
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <div class="section__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <span class={`save-status${status.startsWith('Not saved') ? ' save-status--error' : ''}`} role="status">
          {status}
        </span>
      </div>
      {children}
    </section>
  );
}
