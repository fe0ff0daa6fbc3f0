import { useEffect, useRef, useState } from 'react';

export interface ToastMessage {
  id: number;
  text: string;
  /** Errors are announced at once (role=alert); other news politely. */
  kind?: 'info' | 'error';
  /** When present, the toast offers "Undo" (and Ctrl/Cmd+Z) until it times out. */
  undo?: () => void;
  /** Move keyboard focus to the toast (when the control that was focused has just gone away). */
  focus?: boolean;
}

const TOAST_MS = 8000;

/** One message at a time at the bottom of the panel; it stays while hovered or focused. */
export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose: () => void }) {
  const [held, setHeld] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (toast?.focus) ref.current?.querySelector<HTMLElement>('button')?.focus();
  }, [toast]);

  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held, onClose]);

  useEffect(() => {
    if (!toast?.undo) return;
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
      if (!typing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        toast.undo?.();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toast, onClose]);

  const body = toast && (
    <div
      ref={ref}
      className={`toast${toast.kind === 'error' ? ' toast-error' : ''}`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{toast.text}</span>
      {toast.undo && (
        <button
          type="button"
          className="link-button"
          title="Undo (Ctrl+Z)"
          onClick={() => {
            toast.undo?.();
            onClose();
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={onClose}>
        ×
      </button>
    </div>
  );

  return (
    <div className="toast-region">
      <div role="status" aria-live="polite">
        {toast?.kind !== 'error' && body}
      </div>
      {toast?.kind === 'error' && <div role="alert">{body}</div>}
    </div>
  );
}
