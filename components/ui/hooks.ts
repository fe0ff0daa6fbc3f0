import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';

/** The live value of an extension-storage item; undefined until first read. */
export function useStorageItem<T>(
  item: {
    getValue(): Promise<T>;
    watch(callback: (value: T) => void): () => void;
  },
  /** Its value already read, shown until it is read again. */
  initial?: T,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** Re-renders every `intervalMs` while mounted (for elapsed-time displays). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** An object URL for a Blob, revoked when the Blob changes or the component goes away. */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return setUrl(undefined);
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

/**
 * Text typed into a field, kept locally so typing never waits for the database and saved on
 * every change (or, with `saveOn: 'leave'`, when the field is left). A change of the stored value
 * replaces the text unless the field has focus: what the researcher is typing is never overwritten.
 */
export function useDraftText(stored: string, save: (value: string) => void, saveOn: 'change' | 'leave' = 'change') {
  const [draft, setDraft] = useState(stored);
  const [editing, setEditing] = useState(false);
  // The stored value this render last saw; adjusted during render, not in an effect, so the
  // field never shows a stale value for one frame (React: "you might not need an effect").
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    if (!editing) setDraft(stored);
  }
  return {
    value: draft,
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      if (saveOn === 'change') save(event.target.value);
    },
    onFocus: () => setEditing(true),
    onBlur: () => {
      setEditing(false);
      if (saveOn === 'leave') save(draft);
    },
  };
}

/**
 * A stored value that a control has just changed: the new value shows at once and stays until
 * the store reports it, so controlled inputs never flick back while the write is under way.
 */
export function useOptimisticValue<T>(stored: T): [T, (value: T) => void] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  // Once the store reports the value it owns it again; adjusted during render, not in an effect.
  if (pending && Object.is(pending.value, stored)) setPending(null);
  return [pending ? pending.value : stored, (value: T) => setPending({ value })];
}

/** A command's shortcut as the researcher has set it (they can change it in the browser). */
export function useCommandShortcut(command: 'capture-touchpoint' | 'pick-element'): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    const read = () =>
      browser.commands
        .getAll()
        .then((commands) => setShortcut(commands.find((c) => c.name === command)?.shortcut || undefined))
        .catch(() => setShortcut(undefined));
    void read();
    // The researcher may change it in another tab; read it again when they come back.
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, [command]);
  return shortcut;
}

/** "Alt+Shift+T" as aria-keyshortcuts spells it. */
export function toAriaShortcut(shortcut: string): string {
  return shortcut
    .replace(/\bCtrl\b/g, 'Control')
    .replace(/⌥/g, 'Alt+')
    .replace(/⇧/g, 'Shift+')
    .replace(/⌘/g, 'Meta+');
}

/**
 * Calls `onNear` once the element comes within a screen of the view, while `watching`; the ref
 * goes on the element. Where there is no IntersectionObserver, at once.
 */
export function useNearView<T extends Element>(watching: boolean, onNear: () => void) {
  const ref = useRef<T>(null);
  const near = useRef(onNear);
  near.current = onNear;
  useEffect(() => {
    const element = ref.current;
    if (!watching || !element) return;
    if (typeof IntersectionObserver === 'undefined') return near.current();
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && near.current(), {
      rootMargin: '100% 0px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [watching]);
  return ref;
}
