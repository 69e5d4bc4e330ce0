/**
 * `load` (a lazy chunk's `import()`) run once: later calls share its promise. A failed load is forgotten, so the next
 * call (the customer's Try again) fetches again.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}
