import { describe, expect, it } from 'vitest';
import { attemptErrorInfo } from '../../../../electron/core/transfer/attempt-failure.js';

describe('attemptErrorInfo: connection problems', () => {
  it.each(['ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EWHATEVER'])('tells an upload (%s) that Dropsign retries by itself', (code) => {
    const info = attemptErrorInfo({ kind: 'network', code });
    expect(info).toMatchObject({ code: 'network-error', details: { errno: code } });
    expect(info.hint).toContain('Dropsign retries by itself');
  });

  it.each(['ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EWHATEVER'])('tells a one-off request (%s) to try again, and never speaks of an upload', (code) => {
    const info = attemptErrorInfo({ kind: 'network', code }, { activity: 'one-off' });
    expect(info).toMatchObject({ code: 'network-error', hint: 'Check the internet connection, then try again.', details: { errno: code } });
    expect(`${info.message} ${info.hint}`).not.toMatch(/upload|retries by itself/);
  });

  it('describes a refused connection and a failed name lookup the same way for both', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND']) {
      expect(attemptErrorInfo({ kind: 'network', code }, { activity: 'one-off' })).toEqual(attemptErrorInfo({ kind: 'network', code }));
    }
  });

  it('keeps certificate failures a tls-error whatever the request was part of', () => {
    for (const activity of ['transfer', 'one-off'] as const) {
      expect(attemptErrorInfo({ kind: 'network', code: 'CERT_HAS_EXPIRED' }, { activity })).toMatchObject({ code: 'tls-error' });
    }
  });
});

describe('attemptErrorInfo: a server that stopped answering', () => {
  it('suggests fewer files at once during an upload, and trying again for a one-off request', () => {
    expect(attemptErrorInfo({ kind: 'timeout' })).toMatchObject({ code: 'request-timeout', message: 'The server stopped responding during the upload.', hint: expect.stringContaining('fewer files') });
    expect(attemptErrorInfo({ kind: 'timeout' }, { activity: 'one-off' })).toEqual({
      code: 'request-timeout',
      message: 'The server stopped responding.',
      hint: 'Check the internet connection, then try again.',
    });
  });
});
