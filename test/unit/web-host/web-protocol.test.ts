/**
 * The page and the host agree on the protocol's names: the renderer keeps its own copy (it may not import
 * the host), and this keeps the two equal.
 */
import { describe, expect, it } from 'vitest';
import * as page from '../../../renderer/src/bridge/web-protocol.js';
import * as host from '../../../electron/web-host/web-protocol.js';

describe('web protocol names', () => {
  it('are the same on both sides', () => {
    expect(page.SOCKET_PATH).toBe(host.SOCKET_PATH);
    expect(page.SPOOL_PATH).toBe(host.SPOOL_PATH);
    expect(page.SPOOL_MANIFEST_FIELD).toBe(host.SPOOL_MANIFEST_FIELD);
    expect(page.SPOOL_FILE_FIELD).toBe(host.SPOOL_FILE_FIELD);
    expect(page.SPOOL_BATCH_MAX_FILES).toBe(host.SPOOL_BATCH_MAX_FILES);
    expect(page.SOCKET_PROTOCOL).toBe(host.SOCKET_PROTOCOL);
    expect(page.TOKEN_PROTOCOL_PREFIX).toBe(host.TOKEN_PROTOCOL_PREFIX);
    expect(page.TOKEN_QUERY).toBe(host.TOKEN_QUERY);
    expect(page.SPOOL_REF_PREFIX).toBe(host.SPOOL_REF_PREFIX);
  });

  it('names the asset cookie per port, so two hosts do not overwrite each other', () => {
    expect(host.assetCookieName(47111)).toBe('dropsign-assets-47111');
  });
});
