// One journey file's setup: the suite decides whether the real app can run here (skipped with
// the reason where it cannot), and the journey's tests share one simulator of their own and one
// app window pointed at it, started before the first test and closed after the last.
import { afterAll, beforeAll, describe } from 'vitest';
import { electronSuite, launchApp, type LaunchedApp } from './electron-harness.js';
import { suiteTitle } from './electron-target.js';
import { startTestSimulator, type TestSimulator } from './test-simulator.js';

/** The running journey: its app window and its simulator. */
export interface Journey {
  readonly app: LaunchedApp;
  readonly sim: TestSimulator;
}

/** The simulator's settings for a journey (e.g. a short session idle timeout). */
export type JourneySimulator = Parameters<typeof startTestSimulator>[0];

/** Describes a journey titled `title` against its own simulator; `body` declares its tests. */
export async function describeJourney(
  title: string,
  body: (journey: Journey) => void,
  simulator?: JourneySimulator,
): Promise<void> {
  const suite = await electronSuite({ ownHost: true });
  describe.skipIf(!suite.target)(suiteTitle(title, suite.reason), () => {
    let sim: TestSimulator | undefined;
    let app: LaunchedApp | undefined;
    const started = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw new Error(`the journey's ${what} did not start`);
      return value;
    };
    beforeAll(async () => {
      if (!suite.target) return;
      sim = await startTestSimulator(simulator);
      app = await launchApp(suite.target, { host: sim });
    });
    afterAll(async () => {
      await app?.quit();
      await sim?.close();
    });
    body({
      get app() {
        return started(app, 'app');
      },
      get sim() {
        return started(sim, 'simulator');
      },
    });
  });
}
