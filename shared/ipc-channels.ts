// The Electron IPC channel names, in a module of their own (no zod) so the sandboxed preload can
// import them without bundling the whole contract. `bridge.ts` re-exports them.

/** IPC channel names in Electron. */
export const IPC_CALL_CHANNEL = 'ccms:call';
/** IPC channel for events in Electron. */
export const IPC_EVENT_CHANNEL = 'ccms:event';
