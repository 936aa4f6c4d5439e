import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface NumberFieldProps {
  id: string;
  label: string;
  unit: string;
  hint?: ComponentChildren;
  value: number;
  min: number;
  max: number;
  onSave(value: number): void;
}

/**
 * A whole-number input that saves as soon as what is typed is valid. The draft is its own, so a
 * half-typed "4" on the way to "45" is not overwritten, and an out-of-range value says why.
 */
export function NumberField({ id, label, unit, hint, value, min, max, onSave }: NumberFieldProps) {
  const [draft, setDraft] = useState(String(value));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== input.current) setDraft(String(value));
  }, [value]);

  const parsed = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
  const describedBy = [hint ? `${id}-hint` : '', valid ? '' : `${id}-error`].filter(Boolean).join(' ') || undefined;

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="field__control">
        <input
          ref={input}
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={draft}
          aria-invalid={valid ? undefined : 'true'}
          aria-describedby={describedBy}
          onInput={(event) => {
            const text = event.currentTarget.value;
            setDraft(text);
            const n = Number(text);
            if (text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max && n !== value) onSave(n);
          }}
          onBlur={() => {
            // Leaving an invalid number puts back the saved one; a valid one is already saving.
            if (!valid) setDraft(String(value));
          }}
        />
        <span class="field__unit">{unit}</span>
      </div>
      {!valid && (
        <p class="inline-error" id={`${id}-error`}>
          {`Enter a whole number from ${min} to ${max}.`}
        </p>
      )}
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  checked: boolean;
  onSave(checked: boolean): void;
}

export function CheckboxField({ id, label, hint, checked, onSave }: CheckboxFieldProps) {
  // The box follows the click at once; the saved settings (read back from storage) then stand. A
  // controlled box would snap back to the old value until storage answers, as if the click was lost.
  const [shown, setShown] = useState(checked);
  useEffect(() => setShown(checked), [checked]);
  return (
    <div class="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={shown}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const next = event.currentTarget.checked;
          setShown(next);
          onSave(next);
        }}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
