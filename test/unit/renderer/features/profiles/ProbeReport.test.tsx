import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import { ProbeReport, type ProbeState } from '../../../../../renderer/src/features/profiles/ProbeReport.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import { failedReport, passedReport } from './fake-host.js';

const SUBJECT = { accessKeyId: 'LTAI5tKey', bucket: 'photos', region: 'cn-hangzhou', builtIn: false };

function show(state: ProbeState) {
  render(<ProbeReport name="prod" state={state} subject={SUBJECT} />);
  return screen.getByRole('region', { name: 'Test result of prod' });
}

function failing(code: ErrorInfo['code'], details: ErrorInfo['details'] = {}): ProbeState {
  return { kind: 'report', report: failedReport('prod', { code, message: `the host's sentence about ${code}`, hint: 'the host hint', details }) };
}

/** Each check and what it found, as read out. */
function checks(report: HTMLElement): string[] {
  return within(within(report).getByRole('list', { name: 'Checks' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent?.replace(/^\S+\s/, '') ?? '');
}

describe('ProbeReport', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('announces a passing test with every check passed, the time taken and the route', () => {
    const report = show({ kind: 'report', report: passedReport('prod', { requestId: 'RID-1' }) });
    expect(within(report).getByRole('status').textContent).toBe('Test passed');
    expect(report.textContent).toContain('A signed listing of the bucket at https://oss-cn-hangzhou.aliyuncs.com answered in 42 ms.');
    expect(checks(report).every((line) => line.endsWith(': passed'))).toBe(true);
    expect(report.textContent).toContain('Routedirect');
    expect(report.textContent).toContain('RID-1');
  });

  it('says the test is running while it runs', () => {
    expect(within(show({ kind: 'running' })).getByRole('status').textContent).toBe('Testing “prod”…');
  });

  it.each<[ErrorInfo['code'], ErrorInfo['details'], string, string, string]>([
    ['invalid-access-key', {}, 'wrong AccessKey ID', 'The server does not know the AccessKey ID LTAI5tKey.', 'Check the AccessKey ID in the RAM console'],
    ['signature-mismatch', {}, 'wrong secret', 'The AccessKey ID is known, but the stored secret does not match it.', 'enter the secret that was issued with this AccessKey ID'],
    ['wrong-region', { bucketRegion: 'cn-beijing' }, 'wrong region', 'The bucket is in cn-beijing, but the profile says cn-hangzhou.', 'set the region to cn-beijing'],
    ['no-such-bucket', {}, 'missing bucket', 'There is no bucket “photos” at https://oss-cn-hangzhou.aliyuncs.com.', 'Check the bucket’s name and region'],
    ['clock-skew', { clockOffsetMs: 1_200_000 }, 'clock skew', 'your clock is 20 min behind the server’s', 'Turn on automatic date and time'],
    ['access-denied', {}, 'missing permission', 'this key may not list it', 'oss:ListObjects'],
    ['credentials-expired', {}, 'expired STS token', 'no longer valid', 'Get new temporary credentials'],
    ['network-error', { errno: 'ENOTFOUND' }, 'network failure', 'The endpoint could not be reached.', 'Check the network connection'],
    ['tls-error', {}, 'TLS failure', 'its certificate could not be verified', 'CA certificate'],
    ['proxy-failed', {}, 'proxy failure', 'did not pass the request on', 'NO_PROXY'],
    ['request-timeout', {}, 'no answer', 'did not answer in time', 'HTTPS_PROXY'],
  ])('explains %s in plain words, with the fix', (code, details, title, explanation, fix) => {
    const report = show(failing(code, details));
    expect(within(report).getByRole('status').textContent).toBe(`Test failed: ${title}`);
    expect(report.querySelector('.probe-explain')?.textContent).toContain(explanation);
    expect(report.querySelector('.probe-fix')?.textContent).toContain(fix);
    // What the server said stays available, folded away.
    expect(within(report).getByTestId('probe-message').textContent).toBe(`the host's sentence about ${code}`);
  });

  it('lists what a wrong secret proves passed, what failed, and what was not checked', () => {
    expect(checks(show(failing('signature-mismatch')))).toStrictEqual([
      'Reached the endpoint: passed',
      'Clock within 15 minutes of the server’s: not checked',
      'AccessKey ID is known: passed',
      'Secret matches the AccessKey ID: failed',
      'Region matches the bucket: not checked',
      'Bucket exists: not checked',
      'The key may list the bucket: not checked',
    ]);
  });

  it('shows the host\'s refusal when the test could not run at all', () => {
    const report = show({ kind: 'error', error: { code: 'keychain-locked', message: 'The keychain is locked.', hint: 'Unlock it.' } });
    expect(within(report).getByRole('status').textContent).toBe('The test could not run');
    expect(report.textContent).toContain('The keychain is locked.');
    expect(report.textContent).toContain('Unlock it.');
  });

  it('lists the warnings of a working profile', () => {
    const report = show({
      kind: 'report',
      report: { ...passedReport('prod'), warnings: [{ code: 'token-expiry-unknown', message: 'The STS token has no known expiry.', hint: 'Give its expiry.' }] },
    });
    expect(within(report).getByTestId('profile-warnings').textContent).toContain('The STS token’s expiry is unknown. The STS token has no known expiry.');
  });

  it('speaks Chinese when the interface does', async () => {
    await i18n.changeLanguage('zh-CN');
    const view = render(<ProbeReport name="prod" state={failing('wrong-region', { bucketRegion: 'cn-beijing' })} subject={SUBJECT} />);
    expect(view.getByRole('status').textContent).toBe('测试失败：地域错误');
    expect(view.container.textContent).toContain('存储桶位于 cn-beijing，而配置写的是 cn-hangzhou。');
  });
});
