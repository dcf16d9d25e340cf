import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * false during server rendering and hydration, true afterwards. Lets a
 * component keep a no-JavaScript fallback in the HTML and enhance it only
 * once React is running, without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
