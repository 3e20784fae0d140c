// Pure facts of the installed app that the Electron glue applies: the Windows AppUserModelID and
// where each kind of per-user data lives. No `electron` import, so they are tested in plain Node.
import path from 'node:path';

/**
 * The AppUserModelID Windows groups the taskbar button, notifications and jump list by. It must
 * equal the MSI shortcut's `System.AppUserModel.ID`, which electron-builder sets to the `appId`
 * of electron-builder.yml (app-identity.test.ts holds the two together).
 */
export const APP_USER_MODEL_ID = 'hk.ccms.terminal';

/** The folder name under the user's local app data (the product name, as Electron names it). */
export const PRODUCT_FOLDER = 'CCMS Terminal';

/** Where the app keeps what it writes for this user. */
export interface DataLayout {
  /** settings.json (language, last user ID): small, follows the user (roaming on Windows). */
  userData: string;
  /** Chromium's session data (caches, local storage of the default session). */
  sessionData: string;
  /** Rotating log files. */
  logs: string;
  /** Crashpad's minidumps, kept on the workstation for the DCASS Hotline; never uploaded. */
  crashDumps: string;
  /**
   * The folder of this workstation's sign-in history (workstation-history.json): the desk's
   * record, so it stays on the machine and never follows the user to another desk.
   */
  workstation: string;
}

/** What `dataLayout` needs to know of the machine. */
export interface DataLayoutInput {
  platform: NodeJS.Platform;
  /** `app.getPath('userData')`. */
  userData: string;
  /** `%LOCALAPPDATA%` on Windows. */
  localAppData?: string | undefined;
  /** True when the app was started with `--user-data-dir` (tests, a second profile). */
  userDataOverridden: boolean;
}

/**
 * Logs, Chromium's session data, crash dumps and the workstation history are machine-local: on Windows they go under
 * %LOCALAPPDATA%, never into the roaming profile that follows the user from desk to desk (and is
 * copied at every sign-in). Only the small settings file roams. An explicit `--user-data-dir` keeps
 * everything under it, so a test or a second profile never writes into the real one.
 */
export function dataLayout(input: DataLayoutInput): DataLayout {
  const local =
    input.platform === 'win32' && input.localAppData && !input.userDataOverridden
      ? path.win32.join(input.localAppData, PRODUCT_FOLDER)
      : input.userData;
  const join = input.platform === 'win32' ? path.win32.join : path.join;
  return {
    userData: input.userData,
    sessionData: join(local, 'Session'),
    logs: join(local, 'logs'),
    crashDumps: join(local, 'Crashpad'),
    workstation: local,
  };
}
