import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A screen that loads as a chunk of its own, and can be fetched before it is needed. */
export interface Preloadable<P> {
  /** Fetches the chunk; once it is in, `Component` draws without suspending. */
  preload(): Promise<void>;
  /** The screen: the loaded component itself once preloaded, a lazy one until then. */
  readonly Component: ComponentType<P> | LazyExoticComponent<ComponentType<P>>;
}

/**
 * A lazily loaded screen that skips Suspense once fetched. React.lazy suspends on a component's
 * first render even when its chunk is already in, and React holds a Suspense boundary's content
 * back for up to 300 ms after its fallback shows: so the screen that follows a sign-in step is
 * fetched ahead (while the user types) and drawn directly.
 */
export function preloadable<P>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let fetching: Promise<{ default: ComponentType<P> }> | null = null;
  const fetch = () => {
    fetching ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        fetching = null; // a failed fetch may be tried again
        throw error;
      },
    );
    return fetching;
  };
  const LazyComponent = lazy(fetch);
  return {
    preload: () => fetch().then(() => undefined),
    get Component() {
      return loaded ?? LazyComponent;
    },
  };
}
