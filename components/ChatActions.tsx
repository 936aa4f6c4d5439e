interface Props {
  /** Accessible names that say which chat each button acts on. */
  openLabel: string;
  historyLabel: string;
  error?: string;
  onOpen(): void;
  onHistory(): void;
}

/** A chat row's *Open in SalesIQ* and *Visitor history*, and the error of the last one tried. */
export function ChatActions({ openLabel, historyLabel, error, onOpen, onHistory }: Props) {
  return (
    <>
      <div class="picked-row__actions">
        <button type="button" aria-label={openLabel} onClick={onOpen}>
          Open in SalesIQ
        </button>
        <button type="button" aria-label={historyLabel} onClick={onHistory}>
          Visitor history
        </button>
      </div>
      {error && (
        <p class="row-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
