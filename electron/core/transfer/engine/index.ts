/**
 * The transfer engine: what the CLI, the desktop app, the tray and browser mode wire up.
 */
export { createTransferEngine } from './engine.js';
export { nodeEngineFs } from './engine-defaults.js';
export type {
  CredentialsProvider,
  Destination,
  DestinationDescriptor,
  EngineClock,
  EngineDeps,
  EngineFs,
  EngineSettings,
  EnqueueProblem,
  EnqueueResult,
  LinkOption,
  TransferEngine,
} from './engine-types.js';
export { DEFAULT_CONCURRENCY, DEFAULT_PART_CONCURRENCY, MAX_CONCURRENCY, MAX_PART_CONCURRENCY } from './settings.js';
export { readUploadHistory, historyPath, type HistoryEntry } from './upload-history.js';
export { transition, type TransitionEvent } from './transition.js';
