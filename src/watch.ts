import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` once things settle after any change in `dirs` (editors write a file in
 * several steps, so events are debounced). A watcher that fails (its folder removed) reports to
 * `onError` instead of crashing the server. Returns a function that stops watching.
 */
export function watchDirs(dirs: readonly string[], onError: (error: Error) => void, onChange: () => void, debounceMs = 200): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = dirs.map((dir) =>
    watch(dir, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    }).on('error', onError),
  );
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
