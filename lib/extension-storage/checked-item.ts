import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

/**
 * An extension-storage item whose value is checked against its schema on every read: storage
 * may hold anything (an older version's shape, a bad write), and what does not parse reads as
 * the fallback. Versioned, so that a new shape comes with its migration (WXT runs it once).
 */
export interface CheckedItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** What a zod schema (full or mini) offers that a checked item uses. */
export interface CheckingSchema<T> {
  parse(value: unknown): T;
  safeParse(value: unknown): { data?: T };
}

export function defineCheckedItem<T>(
  key: StorageItemKey,
  options: {
    schema: CheckingSchema<T>;
    fallback: T;
    version: number;
    migrations?: Record<number, (old: unknown) => unknown>;
  },
): CheckedItem<T> {
  const { schema, fallback } = options;
  // Defined on first use: WXT reads a defined item at once (and its stored version too, when it
  // has migrations to run), and a starting worker would otherwise make those reads for every
  // item it imports before the capture that woke it gets its turn.
  let defined: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
  const item = () =>
    (defined ??= storage.defineItem<unknown>(key, {
      fallback: null,
      version: options.version,
      migrations: options.migrations,
    }));
  const read = (value: unknown): T => (value === null ? fallback : (schema.safeParse(value).data ?? fallback));
  return {
    key,
    fallback,
    getValue: async () => read(await item().getValue()),
    setValue: async (value) => item().setValue(schema.parse(value)),
    watch: (callback) => item().watch((value) => callback(read(value))),
  };
}

/**
 * Runs a read-modify-write of one item alone across every extension page and the worker (Web
 * Locks), so that two writers never overwrite each other's change. Where there are no Web
 * Locks (unit tests under Node), calls are chained within this context.
 */
export function writeAlone<R>(name: string, write: () => Promise<R>): Promise<R> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`touchtrail:${name}`, write);
  const next = (chains.get(name) ?? Promise.resolve()).then(write);
  chains.set(
    name,
    next.catch(() => undefined),
  );
  return next;
}

const chains = new Map<string, Promise<unknown>>();
