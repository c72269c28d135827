/**
 * The unfinished-uploads section of the profiles screen, against a fake host: nothing is asked until the
 * user looks; the list, its empty state, its cap and a refused listing; what each upload holds, when
 * asked, and the note when the host left that out; choosing (never what a local
 * queue will resume), confirming, aborting in batches with each upload's outcome; the keyboard; Chinese.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../electron/shared/ipc/channels.js';
import type { UnfinishedAbortOutcome, UnfinishedAbortRequest, UnfinishedAbortResult, UnfinishedListing, UnfinishedUploadRef, UnfinishedUploadView } from '../../../../../electron/shared/ipc/unfinished-types.js';
import { formatBytes, formatDateTime } from '../../../../../renderer/src/app/format.js';
import { ProfilesPage } from '../../../../../renderer/src/features/profiles/ProfilesPage.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import { fakeHost, ok, profileList, profileView, refused, renderScreen, resetStore, type Handlers } from '../profiles/fake-host.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An upload of `key` started `agoMs` before now (the server's whole seconds). */
function upload(key: string, agoMs: number, fields: Partial<UnfinishedUploadView> = {}): UnfinishedUploadView {
  const started = new Date(Math.floor((Date.now() - agoMs) / 1000) * 1000).toISOString();
  return { key, uploadId: `ID-${key.replace(/[^A-Za-z0-9]/g, '')}`, initiatedAt: started, resumableHere: false, ...fields };
}

function listing(uploads: readonly UnfinishedUploadView[], fields: Partial<UnfinishedListing> = {}): UnfinishedListing {
  return { profile: 'prod', bucket: 'photos', uploads, complete: true, ...fields };
}

const CRASHED = upload('videos/crashed.mov', 3 * DAY_MS + 2 * HOUR_MS);
const LOST = upload('backups/lost.tar', 2 * DAY_MS);
const RECENT = upload('videos/recent.mov', 2 * HOUR_MS);
const PAUSED = upload('videos/paused.mov', 5 * DAY_MS, { resumableHere: true });

/** The profiles screen with `prod` the default, answering the unfinished channels with `handlers`. */
function open(handlers: Handlers = {}) {
  const host = fakeHost({ 'profiles:list': () => ok(profileList(profileView('prod', { isDefault: true }), profileView('archive'))), ...handlers });
  const user = userEvent.setup({ delay: null });
  return { ...host, ...renderScreen(<ProfilesPage />, host, '/profiles', '/profiles'), user };
}

/** The section, once the profile list is in. */
async function section(): Promise<HTMLElement> {
  return screen.findByRole('region', { name: 'Unfinished uploads' });
}

function rowOf(key: string): HTMLElement {
  const found = screen.getAllByTestId('unfinished-row').find((element) => element.dataset['key'] === key);
  if (found === undefined) throw new Error(`no row ${key}`);
  return found;
}

/** Answers each abort with `outcome` for every upload, as the host would. */
function abortingEach(outcome: (ref: UnfinishedUploadRef) => UnfinishedAbortOutcome): (request: UnfinishedAbortRequest) => Result<UnfinishedAbortResult> {
  return (request) => ok({ outcomes: request.uploads.map(outcome), stopped: false });
}

describe('the unfinished uploads section', () => {
  beforeEach(() => resetStore());

  it('asks the bucket nothing until asked, then lists key, start, age and what a local queue will resume', async () => {
    const { user, callsTo } = open({ 'unfinished:list': (request) => ok(listing([LOST, CRASHED, PAUSED, RECENT], { profile: request.profile })) });
    const region = await section();
    expect(callsTo('unfinished:list')).toStrictEqual([]);
    expect(within(region).getByLabelText('Profile')).toHaveProperty('value', 'prod');
    expect(within(region).getAllByRole('option').map((option) => option.textContent)).toStrictEqual(['local (bucket dropsign)', 'prod (bucket photos)', 'archive (bucket photos)']);

    await user.selectOptions(within(region).getByLabelText('Profile'), 'archive');
    await user.type(within(region).getByLabelText('Key prefix (optional)'), 'videos/');
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    expect(await within(region).findByTestId('unfinished-summary')).toHaveProperty('textContent', '4 unfinished uploads under “videos/” in photos (profile “archive”).');
    expect(callsTo('unfinished:list')).toStrictEqual([[{ profile: 'archive', prefix: 'videos/' }]]);
    expect(within(region).getByTestId('unfinished-status').textContent).toBe('4 unfinished uploads in photos.');

    const table = within(region).getByRole('table', { name: 'Unfinished uploads in photos' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toStrictEqual(['', 'Key', 'Started', 'Age', 'Status']);
    const crashed = within(rowOf('videos/crashed.mov'));
    expect(crashed.getByRole('rowheader').textContent).toBe('videos/crashed.movUpload ID ID-videoscrashedmov');
    expect(crashed.getAllByRole('cell')[1]?.textContent).toBe(formatDateTime(CRASHED.initiatedAt));
    expect(crashed.getAllByRole('cell')[2]?.textContent).toBe('3 days 2 hr');
    expect(within(rowOf('videos/recent.mov')).getByText('Started less than a day ago: it may still be running elsewhere.')).toBeTruthy();

    const paused = within(rowOf('videos/paused.mov'));
    expect(paused.getByTestId('resumable-badge').textContent).toBe('Resumable here');
    expect(paused.getByRole('checkbox', { name: 'videos/paused.mov cannot be selected' })).toHaveProperty('disabled', true);
    expect(paused.getByText(/cancel it on the Upload screen/)).toBeTruthy();
    expect(paused.getByRole('link', { name: 'Open Upload' }).getAttribute('href')).toBe('/');
  });

  it('asks once while an answer is awaited, keeping the focus on the button', async () => {
    let answer: (listed: UnfinishedListing) => void = () => undefined;
    const { user, callsTo } = open({ 'unfinished:list': () => new Promise((resolve) => (answer = (listed) => resolve(ok(listed)))) });
    const region = await section();
    const find = within(region).getByRole('button', { name: 'Find unfinished uploads' });
    await user.click(find);
    expect(find.textContent).toBe('Looking…');
    expect(find.getAttribute('aria-disabled')).toBe('true');
    expect(within(region).getByTestId('unfinished-status').textContent).toBe('Looking for unfinished uploads with the profile “prod”…');
    await user.click(find);
    expect(callsTo('unfinished:list')).toHaveLength(1);
    expect(document.activeElement).toBe(find);
    answer(listing([LOST]));
    expect(await within(region).findByTestId('unfinished-summary')).toHaveProperty('textContent', 'One unfinished upload in photos (profile “prod”).');
    expect(find.getAttribute('aria-disabled')).toBe('false');
  });

  it('says in plain words when there is nothing to clean up', async () => {
    const { user } = open({ 'unfinished:list': () => ok(listing([])) });
    const region = await section();
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    const empty = await within(region).findByTestId('unfinished-empty');
    expect(empty.textContent).toBe('No unfinished uploads in photosNothing is stored there for uploads that were never finished.');
    expect(within(region).getByTestId('unfinished-status').textContent).toBe('No unfinished uploads in photos.');
    expect(within(region).queryByRole('table')).toBeNull();
  });

  it('says when the listing stopped at its cap, and shows a long list a page at a time', async () => {
    const many = Array.from({ length: 250 }, (_, i) => upload(`bulk/${String(i).padStart(3, '0')}.bin`, 2 * DAY_MS));
    const { user } = open({ 'unfinished:list': () => ok(listing(many, { complete: false })) });
    const region = await section();
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    expect((await within(region).findByTestId('unfinished-incomplete')).textContent).toContain('Only the first 250 are listed');
    expect(within(region).getAllByTestId('unfinished-row')).toHaveLength(200);
    await user.click(within(region).getByRole('button', { name: 'Show 50 more (200 of 250 shown)' }));
    expect(within(region).getAllByTestId('unfinished-row')).toHaveLength(250);
    expect(within(region).queryByTestId('unfinished-more')).toBeNull();
  });

  it('says what each upload holds and what they hold together, only when asked', async () => {
    const { user, callsTo } = open({
      'unfinished:list': (request) =>
        ok(
          request.withSizes === true
            ? listing([
                { ...LOST, parts: 2, bytes: 300 * 1024 + 5 },
                { ...CRASHED, parts: 1, bytes: 1.2 * 1024 ** 3 },
                { ...PAUSED, parts: 0, bytes: 0 },
              ])
            : listing([LOST, CRASHED, PAUSED]),
        ),
    });
    const region = await section();
    const box = within(region).getByRole('checkbox', { name: 'Include what each holds (one more request per upload)' });
    expect(box).toHaveProperty('checked', false);
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    await within(region).findByRole('table');
    expect(within(region).getAllByRole('columnheader').map((header) => header.textContent)).toStrictEqual(['', 'Key', 'Started', 'Age', 'Status']);

    await user.click(box);
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    await waitFor(() => expect(within(region).getAllByRole('columnheader').map((header) => header.textContent)).toStrictEqual(['', 'Key', 'Started', 'Age', 'Holds', 'Status']));
    expect(callsTo('unfinished:list')).toStrictEqual([[{ profile: 'prod' }], [{ profile: 'prod', withSizes: true }]]);
    const total = formatBytes(300 * 1024 + 5 + 1.2 * 1024 ** 3);
    expect(total).toBe('1.2 GB');
    expect(within(region).getByTestId('unfinished-summary').textContent).toBe(`3 unfinished uploads in photos (profile “prod”), holding ${total}.`);
    expect(within(rowOf('backups/lost.tar')).getAllByRole('cell')[3]?.textContent).toBe('300 kB in 2 parts');
    expect(within(rowOf('videos/crashed.mov')).getAllByRole('cell')[3]?.textContent).toBe('1.2 GB in one part');
    expect(within(rowOf('videos/paused.mov')).getAllByRole('cell')[3]?.textContent).toBe('No parts');
    expect(within(region).queryByTestId('unfinished-sizes-omitted')).toBeNull();
  });

  it('says when the host left out what each holds, and draws no column for it', async () => {
    const { user } = open({ 'unfinished:list': () => ok(listing([LOST, CRASHED], { sizesMissing: { reason: 'too-many' } })) });
    const region = await section();
    await user.click(within(region).getByRole('checkbox', { name: 'Include what each holds (one more request per upload)' }));
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    const note = await within(region).findByTestId('unfinished-sizes-omitted');
    expect(note.textContent).toBe(
      'What each upload holds is not shownIt is looked up for at most 1,000 uploads (one request each), and more were found. Narrow the list with a key prefix to see it.',
    );
    expect(within(region).getByTestId('unfinished-summary').textContent).toBe('2 unfinished uploads in photos (profile “prod”).');
    expect(within(region).getAllByRole('columnheader').map((header) => header.textContent)).not.toContain('Holds');
  });

  it('still shows the listing when the bucket refused to say what each holds, and says why', async () => {
    const error = { code: 'access-denied', message: 'The server refused: You have no right to access this object.', hint: 'Allow oss:ListParts in the policy.' } as const;
    const { user } = open({ 'unfinished:list': () => ok(listing([LOST, CRASHED], { sizesMissing: { reason: 'refused', error } })) });
    const region = await section();
    await user.click(within(region).getByRole('checkbox', { name: 'Include what each holds (one more request per upload)' }));
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    const note = await within(region).findByTestId('unfinished-sizes-refused');
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toBe(`What each upload holds could not be looked up; the list itself is complete${error.message}${error.hint}`);
    expect(within(region).queryByTestId('unfinished-sizes-omitted')).toBeNull();
    expect(within(region).getByTestId('unfinished-summary').textContent).toBe('2 unfinished uploads in photos (profile “prod”).');
    expect(within(region).getAllByRole('columnheader').map((header) => header.textContent)).not.toContain('Holds');
    expect(rowOf('videos/crashed.mov')).toBeTruthy();
  });

  it('explains a listing the bucket refused, with what to do', async () => {
    const { user } = open({
      'unfinished:list': () => refused({ code: 'signature-mismatch', message: 'The server computed a different signature.', hint: 'Check the AccessKey secret stored in the profile.' }),
    });
    const region = await section();
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    const note = await within(region).findByTestId('unfinished-error');
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toBe('The unfinished uploads could not be listed.The server computed a different signature.Check the AccessKey secret stored in the profile.');
  });

  it('aborts only what was chosen and confirmed, then shows each upload’s outcome', async () => {
    const failure = { code: 'server-error' as const, message: 'The server failed (HTTP 500).', hint: 'Try again in a moment.' };
    const { user, callsTo } = open({
      'unfinished:list': () => ok(listing([LOST, CRASHED, PAUSED, RECENT])),
      'unfinished:abort': abortingEach((ref) =>
        ref.key === 'backups/lost.tar' ? { ...ref, outcome: 'already-gone' } : ref.key === 'videos/recent.mov' ? { ...ref, outcome: 'failed', error: failure } : { ...ref, outcome: 'aborted' },
      ),
    });
    const region = await section();
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    await within(region).findByRole('table');
    const abortButton = within(region).getByRole('button', { name: 'Abort selected' });
    expect(abortButton.getAttribute('aria-disabled')).toBe('true');

    // "Older than a day" leaves out the recent upload and the one a local queue will resume.
    await user.click(within(region).getByRole('button', { name: 'Select those older than a day' }));
    expect(within(region).getByTestId('unfinished-selected').textContent).toBe('2 selected');
    expect(within(rowOf('videos/recent.mov')).getByRole('checkbox')).toHaveProperty('checked', false);
    expect(within(region).getByRole('checkbox', { name: 'Select every upload that can be aborted' })).toHaveProperty('indeterminate', true);

    await user.click(within(rowOf('videos/recent.mov')).getByRole('checkbox', { name: 'Select videos/recent.mov' }));
    await user.click(abortButton);
    const dialog = screen.getByRole('alertdialog', { name: 'Abort 3 unfinished uploads?' });
    expect(within(dialog).getByText(/Their parts are deleted for good/).textContent).toContain('One of them started less than a day ago');
    await user.keyboard('{Escape}');
    expect(callsTo('unfinished:abort')).toStrictEqual([]);

    await user.click(abortButton);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Abort 3 uploads' }));
    await waitFor(() => expect(within(region).getByTestId('unfinished-run').textContent).toBe('One upload aborted: its parts are deleted. One had already been completed or aborted. One failed: its row says why.'));
    expect(callsTo('unfinished:abort')).toStrictEqual([
      [{ profile: 'prod', uploads: [LOST, CRASHED, RECENT].map((u) => ({ key: u.key, uploadId: u.uploadId })) }],
    ]);
    expect(document.activeElement).toBe(abortButton);

    expect(rowOf('videos/crashed.mov').dataset['outcome']).toBe('aborted');
    expect(within(rowOf('videos/crashed.mov')).getByText('Aborted')).toBeTruthy();
    expect(within(rowOf('backups/lost.tar')).getByText('Already gone')).toBeTruthy();
    const failed = within(rowOf('videos/recent.mov'));
    expect(failed.getByText('Failed')).toBeTruthy();
    expect(failed.getByText('The server failed (HTTP 500).')).toBeTruthy();
    expect(failed.getByText('Try again in a moment.')).toBeTruthy();
    // What is gone cannot be chosen again; the failure stays chosen, to try again.
    expect(within(rowOf('videos/crashed.mov')).getByRole('checkbox')).toHaveProperty('disabled', true);
    expect(failed.getByRole('checkbox')).toHaveProperty('checked', true);
    expect(within(region).getByTestId('unfinished-selected').textContent).toBe('One selected');
  });

  it('sends a long selection in batches the contract accepts, and says how far it got', async () => {
    const many = Array.from({ length: 120 }, (_, i) => upload(`old/${String(i).padStart(3, '0')}.bin`, 2 * DAY_MS));
    let release: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (release = resolve));
    const { user, callsTo } = open({
      'unfinished:list': () => ok(listing(many)),
      'unfinished:abort': async (request) => {
        if (callsTo('unfinished:abort').length === 2) await second;
        return abortingEach((ref) => ({ ...ref, outcome: 'aborted' }))(request);
      },
    });
    const region = await section();
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    await user.click(await within(region).findByRole('button', { name: 'Select those older than a day' }));
    await user.click(within(region).getByRole('button', { name: 'Abort selected' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Abort 120 uploads' }));
    await waitFor(() => expect(within(region).getByTestId('unfinished-run').textContent).toBe('Aborting… 100 of 120 done.'));
    expect(within(region).getByRole('button', { name: 'Aborting…' }).getAttribute('aria-disabled')).toBe('true');
    release();
    await waitFor(() => expect(within(region).getByTestId('unfinished-run').textContent).toBe('120 uploads aborted: their parts are deleted.'));
    expect(callsTo('unfinished:abort').map(([request]) => request.uploads.length)).toStrictEqual([100, 20]);
  });

  it('sends long selections in batches and stops after a refusal that would repeat', async () => {
    const many = Array.from({ length: 150 }, (_, i) => upload(`old/${String(i).padStart(3, '0')}.bin`, 2 * DAY_MS));
    const denied = { code: 'access-denied' as const, message: 'The server refused: AccessDenied.', hint: 'Give the key permission to abort multipart uploads.' };
    const { user, callsTo } = open({
      'unfinished:list': () => ok(listing(many)),
      'unfinished:abort': (request) =>
        ok({ outcomes: request.uploads.map((ref, i): UnfinishedAbortOutcome => (i === 0 ? { ...ref, outcome: 'failed', error: denied } : { ...ref, outcome: 'skipped' })), stopped: true }),
    });
    const region = await section();
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    await user.click(await within(region).findByRole('checkbox', { name: 'Select every upload that can be aborted' }));
    expect(within(region).getByTestId('unfinished-selected').textContent).toBe('150 selected');
    await user.click(within(region).getByRole('button', { name: 'Abort selected' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Abort 150 unfinished uploads?' })).getByRole('button', { name: 'Abort 150 uploads' }));
    await waitFor(() => expect(within(region).getByTestId('unfinished-run').textContent).toBe('One failed: its row says why. 149 were not tried: the same refusal would have repeated.'));
    expect(callsTo('unfinished:abort').map(([request]) => request.uploads.length)).toStrictEqual([100]);
    expect(within(rowOf('old/149.bin')).getByText('Not tried')).toBeTruthy();
    expect(within(rowOf('old/000.bin')).getByText('Give the key permission to abort multipart uploads.')).toBeTruthy();
  });

  it('shows a refusal of the whole request with what to do, and keeps the selection', async () => {
    const { user } = open({
      'unfinished:list': () => ok(listing([LOST])),
      'unfinished:abort': () => refused({ code: 'keychain-locked', message: 'The keychain is locked.', hint: 'Unlock it, then try again.' }),
    });
    const region = await section();
    await user.click(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    await user.click(await within(region).findByRole('checkbox', { name: 'Select backups/lost.tar' }));
    await user.click(within(region).getByRole('button', { name: 'Abort selected' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Abort one unfinished upload?' })).getByRole('button', { name: 'Abort the upload' }));
    const note = await within(region).findByTestId('unfinished-abort-error');
    expect(note.textContent).toBe('The uploads could not be aborted.The keychain is locked.Unlock it, then try again.');
    expect(rowOf('backups/lost.tar').dataset['outcome']).toBe('none');
    expect(within(region).getByTestId('unfinished-selected').textContent).toBe('One selected');
  });

  it('is used from the keyboard alone', async () => {
    const { user, callsTo } = open({ 'unfinished:list': () => ok(listing([LOST])), 'unfinished:abort': abortingEach((ref) => ({ ...ref, outcome: 'aborted' })) });
    const region = await section();
    within(region).getByLabelText('Profile').focus();
    await user.tab();
    expect(document.activeElement).toBe(within(region).getByLabelText('Key prefix (optional)'));
    await user.tab();
    expect(document.activeElement).toBe(within(region).getByRole('checkbox', { name: 'Include what each holds (one more request per upload)' }));
    await user.keyboard(' ');
    await user.tab();
    expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Find unfinished uploads' }));
    await user.keyboard('{Enter}');
    expect(callsTo('unfinished:list')).toStrictEqual([[{ profile: 'prod', withSizes: true }]]);
    const box = await within(region).findByRole('checkbox', { name: 'Select backups/lost.tar' });
    box.focus();
    await user.keyboard(' ');
    expect(box).toHaveProperty('checked', true);
    within(region).getByRole('button', { name: 'Abort selected' }).focus();
    await user.keyboard('{Enter}');
    // The dialog starts on Cancel (the safe choice); Tab reaches the action.
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(callsTo('unfinished:abort')).toHaveLength(1));
  });

  it('speaks Simplified Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const { user } = open({ 'unfinished:list': (request) => ok(listing(request.withSizes === true ? [{ ...LOST, parts: 2, bytes: 3 * 1024 ** 2 }, { ...PAUSED, parts: 0, bytes: 0 }] : [LOST, PAUSED])) });
    const region = await screen.findByRole('region', { name: '未完成的上传' });
    await user.click(within(region).getByRole('button', { name: '查找未完成的上传' }));
    expect((await within(region).findByTestId('unfinished-summary')).textContent).toBe('photos 中有 2 个未完成的上传（配置“prod”）。');
    expect(within(rowOf('videos/paused.mov')).getByTestId('resumable-badge').textContent).toBe('可在本机续传');

    await user.click(within(region).getByRole('checkbox', { name: '同时查看每个上传占用的空间（每个上传多一次请求）' }));
    await user.click(within(region).getByRole('button', { name: '查找未完成的上传' }));
    await waitFor(() => expect(within(region).getByTestId('unfinished-summary').textContent).toBe(`photos 中有 2 个未完成的上传（配置“prod”），共占用 ${formatBytes(3 * 1024 ** 2, 'zh-CN')}。`));
    expect(within(rowOf('backups/lost.tar')).getAllByRole('cell')[3]?.textContent).toBe(`2 个分片，共 ${formatBytes(3 * 1024 ** 2, 'zh-CN')}`);
    expect(within(rowOf('videos/paused.mov')).getAllByRole('cell')[3]?.textContent).toBe('没有分片');
  });
});
