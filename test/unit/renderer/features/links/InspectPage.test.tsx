import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LinkInspection, LinkVerification } from '../../../../../electron/shared/ipc/link-types.js';
import { inspectDraft } from '../../../../../renderer/src/features/links/inspect-draft.js';
import { InspectPage } from '../../../../../renderer/src/features/links/InspectPage.js';
import { descriptionOf, failed, fakeBridge, ok, renderWithBridge, type Handlers } from './fake-bridge.js';

const URL_TEXT = 'https://photos.oss-cn-hangzhou.aliyuncs.com/inbox/cat.png?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature=abc';

function inspection(verification: LinkVerification, fields: Partial<LinkInspection> = {}): LinkInspection {
  return {
    scheme: 'oss-v4',
    host: 'photos.oss-cn-hangzhou.aliyuncs.com',
    bucket: 'photos',
    key: 'inbox/cat.png',
    region: 'cn-hangzhou',
    accessKeyId: 'LTAI5tEXAMPLE',
    signedAt: '2026-11-21T08:00:00Z',
    // 3 days, 5 hours and 20 minutes from now: a countdown whose every unit is shown, whenever the test runs.
    expiresAt: new Date(Date.now() + ((3 * 24 + 5) * 3600 + 20 * 60) * 1000).toISOString(),
    signedHeaders: ['content-type'],
    parameters: [{ name: 'x-oss-process', value: 'image/resize,w_200' }],
    hasSecurityToken: false,
    verification,
    ...fields,
  };
}

function setUp(handlers: Handlers) {
  const host = fakeBridge(handlers);
  const view = renderWithBridge(<InspectPage />, host.bridge, '/links/inspect');
  return { ...host, ...view, user: userEvent.setup({ delay: null }) };
}

/** Pastes `url` (and `answer`) into the inspector and asks. */
async function inspect(user: ReturnType<typeof userEvent.setup>, url: string, answer = ''): Promise<void> {
  await user.click(screen.getByLabelText('Presigned link'));
  await user.paste(url);
  if (answer !== '') {
    await user.click(screen.getByLabelText('What did the recipient get back? (optional)'));
    await user.paste(answer);
  }
  await user.click(screen.getByRole('button', { name: 'Inspect' }));
}

describe('InspectPage', () => {
  beforeEach(() => {
    inspectDraft.setState({ url: '', answer: '', handedOver: false });
  });

  it('shows what a link says about itself: bucket, key, signed headers, parameters, token, and a valid signature', async () => {
    const { user, callsTo } = setUp({ 'links:inspect': () => ok(inspection({ kind: 'valid', profile: 'prod', method: 'PUT' })) });
    await inspect(user, URL_TEXT);
    const verdict = await screen.findByTestId('verification');
    expect(verdict.dataset['kind']).toBe('valid');
    expect(verdict.textContent).toBe('Valid for PUT with profile prod.');
    expect(callsTo('links:inspect')).toStrictEqual([[URL_TEXT]]);
    expect(screen.getByTestId('inspect-bucket').textContent).toBe('photos');
    expect(screen.getByTestId('inspect-key').textContent).toBe('inbox/cat.png');
    expect(screen.getByTestId('inspect-signed-headers').textContent).toBe('content-type');
    expect(screen.getByTestId('inspect-parameters').textContent).toContain('image/resize,w_200');
    expect(screen.getByTestId('inspect-token').textContent).toContain('None: signed with long-term credentials.');
    expect(screen.getByRole('timer').textContent).toBe('Expires in 3 d 5 h');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'What the link says' })));
  });

  it('says when the signature is invalid, when no profile has the key, and when it could not be checked', async () => {
    const verdicts: LinkVerification[] = [
      { kind: 'invalid', profile: 'prod', message: 'The signature differs: the link was changed or signed with another secret.' },
      { kind: 'no-profile', accessKeyId: 'LTAI5tOTHER' },
      { kind: 'unchecked', message: 'It signs header values the URL does not carry.' },
    ];
    const { user } = setUp({ 'links:inspect': () => ok(inspection(verdicts.shift() ?? { kind: 'unchecked', message: '' }, { hasSecurityToken: true })) });
    await inspect(user, URL_TEXT);
    expect((await screen.findByTestId('verification')).textContent).toBe(
      'Invalid: profile prod has this access key but does not produce this signature.The signature differs: the link was changed or signed with another secret.',
    );
    expect(screen.getByTestId('inspect-token').textContent).toContain('Included');
    await user.click(screen.getByRole('button', { name: 'Inspect' }));
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toBe('Not checked: no profile has the access key LTAI5tOTHER.'));
    await user.click(screen.getByRole('button', { name: 'Inspect' }));
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toBe('Not checked.It signs header values the URL does not carry.'));
  });

  it('explains the recipient’s error answer first and most visibly', async () => {
    const answerXml = '<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code></Error>';
    const { user, callsTo } = setUp({
      'links:inspect': () =>
        ok(
          inspection(
            { kind: 'valid', profile: 'prod', method: 'PUT' },
            { answer: { code: 'signature-mismatch', message: 'The upload sent Content-Type text/plain, but the link signed image/png.', hint: 'Send exactly Content-Type: image/png.' } },
          ),
        ),
    });
    await inspect(user, URL_TEXT, answerXml);
    const answer = await screen.findByTestId('inspect-answer');
    expect(callsTo('links:inspect')).toStrictEqual([[URL_TEXT, answerXml]]);
    expect(answer.textContent).toContain('The upload sent Content-Type text/plain, but the link signed image/png.');
    expect(answer.textContent).toContain('Send exactly Content-Type: image/png.');
    // It comes before the link's details, and takes the focus.
    expect(answer.compareDocumentPosition(screen.getByTestId('verification')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'What the answer means' })));
  });

  it('refuses an empty or non-http input before asking the host, and says why next to the field', async () => {
    const { user, callsTo } = setUp({});
    await user.click(screen.getByRole('button', { name: 'Inspect' }));
    const field = screen.getByLabelText('Presigned link');
    expect(descriptionOf(field)).toBe('Paste a link.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    await inspect(user, 'ftp://example.com/file');
    expect(descriptionOf(field)).toBe('This is not an http:// or https:// address.');
    expect(callsTo('links:inspect')).toStrictEqual([]);
  });

  it('shows the host’s error when it cannot read the link', async () => {
    const { user } = setUp({ 'links:inspect': () => failed({ code: 'invalid-argument', message: 'This URL carries no OSS or S3 signature.', hint: 'Paste the whole presigned link.' }) });
    await inspect(user, 'https://example.com/file');
    const refused = await screen.findByTestId('inspect-refused');
    expect(refused.textContent).toContain('This URL carries no OSS or S3 signature.');
    expect(refused.textContent).toContain('Paste the whole presigned link.');
  });

  it('inspects a link handed over by another screen on arrival', async () => {
    inspectDraft.getState().handOver(URL_TEXT);
    const { callsTo } = setUp({ 'links:inspect': () => ok(inspection({ kind: 'valid', profile: 'prod', method: 'GET' })) });
    expect(screen.getByLabelText('Presigned link')).toHaveProperty('value', URL_TEXT);
    expect((await screen.findByTestId('verification')).textContent).toBe('Valid for GET with profile prod.');
    expect(callsTo('links:inspect')).toStrictEqual([[URL_TEXT]]);
    expect(inspectDraft.getState().handedOver).toBe(false);
  });
});
