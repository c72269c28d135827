/**
 * Every error in plain words: for each ErrorCode (electron/shared/errors.ts) a short title saying what went
 * wrong and a fix saying what to do; sharper versions for the codes whose details name the culprit (the
 * bucket's real region, how far the clock is off, the header that differs, the file); and the labels of
 * the details shown under them (the server's own message, its request id). features/notices/explain-error.ts
 * picks among them.
 *
 * `codes` must name every ErrorCode and nothing else: the `satisfies` below fails the typecheck otherwise.
 */
import type { ErrorCode } from '../../../../../electron/shared/errors.js';

/** A title and a fix. */
interface Explanation {
  readonly title: string;
  readonly fix: string;
}

/** The plain words. */
export const errors = {
  codes: {
    'invalid-argument': { title: 'Dropsign cannot use a value it was given', fix: 'Correct the value the details name, then try again.' },
    'missing-argument': { title: 'Something required is missing', fix: 'Fill in what the details name, then try again.' },
    'invalid-scheme': { title: 'Unknown signing scheme', fix: 'Choose OSS V4, OSS V1 or S3 SigV4 in the profile.' },
    'invalid-method': { title: 'This request method cannot be signed', fix: 'Use one of the methods the form offers.' },
    'invalid-endpoint': { title: 'The endpoint is not a valid address', fix: 'Enter the endpoint as a full address, such as https://oss-cn-hangzhou.aliyuncs.com.' },
    'invalid-style': { title: 'Unknown addressing style', fix: 'Choose virtual-hosted or path style in the profile.' },
    'invalid-bucket': {
      title: 'The bucket name is not valid',
      fix: 'Bucket names have 3 to 63 lower-case letters, digits and hyphens, and start and end with a letter or digit.',
    },
    'invalid-key': {
      title: 'The object key is not valid',
      fix: 'Change the key prefix (or the profile’s key template) so every key has 1 to 1023 bytes and does not start with / or \\.',
    },
    'invalid-region': { title: 'The region is not valid', fix: 'Use a region ID such as cn-hangzhou or us-east-1.' },
    'missing-region': { title: 'No region is set', fix: 'Set the profile’s region; for OSS it is the part after “oss-” in the endpoint, such as cn-hangzhou.' },
    'invalid-expiry': { title: 'The link validity is out of range', fix: 'Choose a validity between 1 second and 7 days.' },
    'invalid-time': { title: 'The signing time is not valid', fix: 'Give the time as ISO 8601, such as 2026-11-21T08:00:00Z.' },
    'invalid-header': { title: 'A header cannot be signed as given', fix: 'Write each header as “Name: value” on one line.' },
    'invalid-query': { title: 'A query parameter cannot be signed as given', fix: 'Write each query parameter as name=value.' },
    'missing-credentials': { title: 'No credentials were found', fix: 'Add the AccessKey to the profile in Profiles.' },
    'invalid-credentials': { title: 'The credentials cannot be used', fix: 'Check the AccessKey ID and secret in the profile.' },
    'credentials-in-arguments': { title: 'A secret was given on the command line', fix: 'Pass secrets through a profile or the environment, never as an option.' },
    'file-not-found': { title: 'The file was not found', fix: 'Check where the file is; it may have been moved or deleted.' },
    'file-unreadable': { title: 'The file could not be read', fix: 'Check that you may read the file and that no other program locks it, then retry.' },
    'local-bucket-failed': { title: 'The local bucket is not running', fix: 'Another Dropsign may be using its folder: close it, then restart Dropsign.' },
    'file-vanished': { title: 'The file is no longer there', fix: 'Put the file back where it was and retry, or remove it from the queue.' },
    'symlink-loop': { title: 'A link inside the folder points back into it', fix: 'Remove the looping link, or drop the folder it points to instead.' },
    'special-file': { title: 'This is not a regular file', fix: 'Devices, sockets and pipes cannot be uploaded; drop regular files and folders.' },
    'file-changed': { title: 'The file changed while it was uploading', fix: 'Wait until the program writing the file has finished, then retry.' },
    'invalid-key-template': {
      title: 'The key template is not valid',
      fix: 'Fix the profile’s key template; it may use {path}, {name}, {base}, {ext}, {dir}, {date}, {time}, {uuid} and {sha256:N}.',
    },
    'invalid-part-size': { title: 'The part size is out of range', fix: 'Choose a part size between 5 MB and 5 GB in Settings.' },
    'file-too-large': { title: 'The file is too large for object storage', fix: 'Objects hold at most 48.8 TB; split the file into smaller ones.' },
    'wrong-region': { title: 'The bucket is in another region', fix: 'Set the profile’s region and endpoint to the bucket’s region.' },
    'clock-skew': { title: 'Your computer’s clock is wrong', fix: 'Turn on automatic date and time (network time) in your system settings, then retry.' },
    'url-expired': { title: 'The signed link has expired', fix: 'Retry: Dropsign signs a fresh link. For a link you share, make a new one with a longer validity.' },
    'signature-mismatch': {
      title: 'The server rejected the signature',
      fix: 'Check the AccessKey secret in the profile. If the details name a header, send exactly the headers that were signed.',
    },
    'access-denied': {
      title: 'Access denied',
      fix: 'Check that this AccessKey may write to the bucket and prefix (oss:PutObject), and that no bucket policy denies it.',
    },
    'invalid-access-key': {
      title: 'The server does not know this AccessKey ID',
      fix: 'Check the AccessKey ID in the profile: it may have been deleted or disabled, or belong to another account.',
    },
    'credentials-expired': { title: 'The temporary credentials have expired', fix: 'Get new STS credentials (or use a long-term AccessKey) and update the profile.' },
    'no-such-bucket': { title: 'The bucket does not exist', fix: 'Check the bucket name in the profile, and that the endpoint is in the bucket’s region.' },
    'no-such-key': { title: 'The object does not exist', fix: 'Check the key; the object may have been deleted or renamed.' },
    'no-such-upload': { title: 'The server no longer has this upload', fix: 'Retry to upload the file again from the start.' },
    'object-exists': { title: 'An object with this key already exists', fix: 'Choose another key prefix, or allow overwriting existing objects.' },
    'entity-too-large': { title: 'The file is larger than the server accepts', fix: 'Upload large files in parts (lower the multipart threshold in Settings), or check the bucket’s limits.' },
    'integrity-mismatch': { title: 'The stored bytes do not match the file', fix: 'Retry. If it happens again, the file may be changing or the network damaging data.' },
    'request-rejected': { title: 'The server refused the request', fix: 'Check the profile and the details below; if it stays unclear, give the request ID to your provider.' },
    'server-busy': { title: 'The server is busy', fix: 'Wait a few minutes and retry, or upload fewer files at once (Settings).' },
    'server-error': { title: 'The server failed', fix: 'Retry later; if it keeps failing, give the request ID to your provider.' },
    'network-error': { title: 'The network connection failed', fix: 'Check your internet connection, proxy and firewall, then retry.' },
    'tls-error': {
      title: 'The secure connection could not be verified',
      fix: 'Check the endpoint’s address. A proxy that inspects HTTPS needs its certificate trusted by the system.',
    },
    'request-timeout': { title: 'The server took too long to answer', fix: 'Check your connection, then retry.' },
    'state-file-unreadable': { title: 'Saved data could not be read', fix: 'Dropsign set the damaged file aside (see the details) and started afresh; nothing else is needed.' },
    'state-file-busy': { title: 'Another Dropsign is changing the same data', fix: 'Try again in a moment. If it keeps happening, close other Dropsign windows and commands; a lock left by a crash clears itself within seconds.' },
    'profile-not-found': { title: 'The profile does not exist', fix: 'Choose another profile in the destination bar, or create it in Profiles.' },
    'profile-exists': { title: 'A profile with this name already exists', fix: 'Choose another name, or edit the existing profile.' },
    'invalid-profile': { title: 'The profile is not valid', fix: 'Open it in Profiles and correct the field the details name.' },
    'keychain-unavailable': {
      title: 'No keychain is available',
      fix: 'Install and start a Secret Service (GNOME Keyring or KWallet), or keep the profile’s secret in an encrypted file.',
    },
    'keychain-locked': { title: 'The keychain is locked', fix: 'Unlock your keychain (log in to the desktop, or unlock it in your passwords app), then retry.' },
    'keychain-failed': { title: 'The keychain refused the request', fix: 'Look for a prompt or an error in your keychain app, then retry.' },
    'secret-missing': { title: 'The profile’s secret is not stored', fix: 'Enter the AccessKey secret again in Profiles.' },
    'secret-input-unavailable': {
      title: 'Dropsign cannot ask for the passphrase here',
      fix: 'Start Dropsign with DROPSIGN_SECRETS_PASSPHRASE set, or keep the secret in the keychain.',
    },
    'wrong-passphrase': { title: 'The passphrase is wrong', fix: 'Enter the passphrase the encrypted secret file was created with.' },
    'secret-file-damaged': { title: 'The encrypted secret file is damaged', fix: 'Restore it from a backup, or enter the profiles’ secrets again.' },
    'import-source-unreadable': { title: 'Another tool’s settings could not be read', fix: 'Check the file the details name, or add the profile by hand.' },
    'proxy-failed': { title: 'The proxy refused the connection', fix: 'Check HTTPS_PROXY and HTTP_PROXY (address and login), or add this endpoint to NO_PROXY.' },
    internal: { title: 'Something unexpected went wrong', fix: 'Retry; if it happens again, report it with the details below.' },
  } as const satisfies Record<ErrorCode, Explanation>,
  /** A code this version does not know (a newer host). */
  unknown: { title: 'Something went wrong', fix: 'Read the details below; retry if they allow it.' },
  specific: {
    wrongRegion: { title: 'The bucket is in {{region}}', fix: 'Set the profile’s region to {{region}}, with an endpoint in the same region.' },
    wrongEndpoint: { title: 'The bucket must be reached through {{endpoint}}', fix: 'Set the profile’s endpoint to https://{{endpoint}}.' },
    clockBehind: 'Your computer’s clock is {{duration}} slow',
    clockAhead: 'Your computer’s clock is {{duration}} fast',
    signatureHeader: { title: 'The {{header}} header is not what was signed', fix: 'Send exactly the headers the request was signed with (the same {{header}}), or sign it for the headers you send.' },
    fileVanished: '{{name}} is no longer there',
    fileChanged: '{{name}} changed while it was uploading',
    fileUnreadable: '{{name}} could not be read',
  },
  detail: {
    label: 'Details',
    requestId: 'Request ID: {{id}}',
    server: 'Server answer: {{answer}}',
    errno: 'System error: {{errno}}',
  },
} as const;
