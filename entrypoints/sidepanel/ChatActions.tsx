import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { plainError } from '../../lib/ui/plain-error';
import type { TransferChoices } from '../../lib/chat/transfer-choices';
import { ask } from '../../lib/messages';

interface Props {
  conversationId: string;
  visitorName: string;
  currentDepartmentId?: string;
  /** Said after the action, by the view (this part goes away once the chat is no longer mine). */
  onDone(text: string): void;
}

type Open = 'none' | 'end' | 'transfer';

/**
 * End chat and Transfer, each behind an inline confirmation that takes the keyboard and gives it
 * back: Escape or Cancel closes it and returns focus to the button that opened it.
 */
export function ChatActions({ conversationId, visitorName, currentDepartmentId, onDone }: Props) {
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const endButton = useRef<HTMLButtonElement>(null);
  const transferButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setOpen('none');
    setError('');
  }, [conversationId]);

  function close() {
    const opener = open === 'transfer' ? transferButton : endButton;
    setOpen('none');
    setError('');
    // After the confirmation is gone (this render), not before: focus must not land inside it.
    setTimeout(() => opener.current?.focus(), 0);
  }

  async function run(request: Parameters<typeof ask>[0], success: string) {
    setBusy(true);
    setError('');
    const reply = await ask(request);
    setBusy(false);
    if (!reply.ok) {
      setError(plainError(reply.error));
      return;
    }
    setOpen('none');
    onDone(success);
  }

  return (
    <div class="chat-actions">
      <div class="chat-actions__buttons">
        <button
          type="button"
          ref={endButton}
          aria-expanded={open === 'end'}
          onClick={() => (setOpen('end'), setError(''), onDone(''))}
        >
          End chat
        </button>
        <button
          type="button"
          ref={transferButton}
          aria-expanded={open === 'transfer'}
          onClick={() => (setOpen('transfer'), setError(''), onDone(''))}
        >
          Transfer…
        </button>
      </div>
      {open === 'end' && (
        <Confirm titleId="end-title" onCancel={close}>
          <p id="end-title">End the chat with {visitorName}? The visitor can no longer write in it.</p>
          {error && (
            <p class="inline-error" role="alert">
              {error}
            </p>
          )}
          <div class="confirm__buttons">
            <button
              type="button"
              class="primary"
              data-autofocus
              disabled={busy}
              onClick={() => void run({ type: 'endChat', conversationId }, 'The chat has ended.')}
            >
              {busy ? 'Ending…' : 'End chat'}
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </Confirm>
      )}
      {open === 'transfer' && (
        <TransferForm
          currentDepartmentId={currentDepartmentId}
          visitorName={visitorName}
          busy={busy}
          error={error}
          onCancel={close}
          onTransfer={(departmentId, operatorId, note, label) =>
            void run(
              { type: 'transferChat', conversationId, departmentId, operatorId, note },
              `Transferred to ${label}.`,
            )
          }
        />
      )}
    </div>
  );
}

/** An inline confirmation: focus moves into it, Escape cancels. */
function Confirm({
  titleId,
  onCancel,
  children,
}: {
  titleId: string;
  onCancel(): void;
  children: preact.ComponentChildren;
}) {
  const root = useRef<HTMLDivElement>(null);
  // Layout effect: the keyboard moves in the same frame the confirmation appears.
  useLayoutEffect(() => {
    root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  return (
    <div
      ref={root}
      class="confirm"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
    </div>
  );
}

interface TransferProps {
  currentDepartmentId?: string;
  visitorName: string;
  busy: boolean;
  error: string;
  onCancel(): void;
  onTransfer(departmentId: string, operatorId: string | undefined, note: string | undefined, label: string): void;
}

function TransferForm({ currentDepartmentId, visitorName, busy, error, onCancel, onTransfer }: TransferProps) {
  const [choices, setChoices] = useState<TransferChoices | undefined>();
  const [loadError, setLoadError] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [operatorId, setOperatorId] = useState('');
  const [note, setNote] = useState('');
  const departmentBox = useRef<HTMLSelectElement>(null);
  const loaded = !!choices;
  useEffect(() => {
    if (loaded) departmentBox.current?.focus();
  }, [loaded]);

  const load = () => {
    setLoadError('');
    void ask<TransferChoices>({ type: 'transferChoices' }).then((reply) => {
      if (!reply.ok) return setLoadError(`The departments could not be loaded. ${plainError(reply.error)}`);
      setChoices(reply.value);
      setDepartmentId(
        (current) =>
          current ||
          reply.value.departments.find((d) => d.id !== currentDepartmentId)?.id ||
          reply.value.departments[0]?.id ||
          '',
      );
    });
  };
  // Loaded once, when the form opens: the chat's department then is the one to move away from.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, []);

  const colleagues = choices?.colleagues.filter((c) => c.departmentIds.includes(departmentId)) ?? [];
  const department = choices?.departments.find((d) => d.id === departmentId);
  const colleague = colleagues.find((c) => c.id === operatorId);

  return (
    <Confirm titleId="transfer-title" onCancel={onCancel}>
      <form
        class="transfer"
        onSubmit={(event) => {
          event.preventDefault();
          if (!department) return;
          onTransfer(
            department.id,
            colleague?.id,
            note.trim() || undefined,
            colleague ? `${colleague.name} (${department.name})` : department.name,
          );
        }}
      >
        <p id="transfer-title">Transfer the chat with {visitorName}</p>
        {!choices && !loadError && (
          <p class="note" role="status">
            Loading departments…
          </p>
        )}
        {loadError && (
          <div role="alert">
            <p class="inline-error">{loadError}</p>
            <button type="button" onClick={load}>
              Try again
            </button>
          </div>
        )}
        {choices && (
          <>
            <label class="field">
              <span>Department</span>
              <select
                ref={departmentBox}
                value={departmentId}
                onChange={(e) => (setDepartmentId(e.currentTarget.value), setOperatorId(''))}
              >
                {choices.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                    {d.id === currentDepartmentId ? ' (this chat’s)' : ''}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>Colleague (optional)</span>
              <select value={operatorId} onChange={(e) => setOperatorId(e.currentTarget.value)}>
                <option value="">Anyone in the department</option>
                {colleagues.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>Note for the colleague (optional)</span>
              <input type="text" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
          </>
        )}
        {error && (
          <p class="inline-error" role="alert">
            {error}
          </p>
        )}
        <div class="confirm__buttons">
          <button type="submit" class="primary" disabled={busy || !department}>
            {busy ? 'Transferring…' : 'Transfer'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Confirm>
  );
}
