/**
 * The HTTP implementation of the ObjectApi: what the transfer engine wires up.
 */
export { createHttpObjectApi, DEFAULT_STALL_MS, MAX_LIST_PARTS_PAGE } from './oss-object-api.js';
export type { HttpObjectApiOptions, HttpTimeouts, UnverifiedUpload } from './oss-object-api.js';
export { createAgentPool, DEFAULT_IDLE_SOCKET_MS, DEFAULT_MAX_SOCKETS } from './http-agent.js';
export type { AgentPoolOptions, AgentProvider } from './http-agent.js';
export type { StoreProvider, UnverifiedReason } from './verify-upload.js';
