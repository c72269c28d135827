/**
 * `dropsign link inspect URL [--answer-file F] [--json]`: what a presigned OSS or S3 link says about itself,
 * whether it was issued here, whether its signature holds for a configured profile, and with the server's
 * error answer (the XML the recipient got, in a file), what went wrong. Never prints the signature, the
 * security token or a secret.
 */
import { readFile } from 'node:fs/promises';
import { inspectLink } from '../../core/links/inspect-link.js';
import { DropsignError } from '../../shared/errors.js';
import type { LinkInspection, LinkVerification } from '../../shared/ipc/link-types.js';
import { visibleLine } from '../../shared/visible-text.js';
import { checkReadableFile } from '../local-file.js';
import { parseCommandLine } from '../parse-args.js';
import { linkRegisterFor, whenText, type LinkSubcommand } from './link-common.js';

/** Why 64 KiB: OSS and S3 error bodies (with the string to sign and canonical request) are a few KiB. */
const MAX_ANSWER_BYTES = 65_536;

const SCHEME_NAMES: Readonly<Record<LinkInspection['scheme'], string>> = {
  'oss-v4': 'OSS Signature V4 (OSS4-HMAC-SHA256)',
  'oss-v1': 'OSS Signature V1 (HMAC-SHA1)',
  's3-v4': 'S3 Signature V4 (AWS4-HMAC-SHA256)',
};

async function readAnswer(file: string, cwd: string): Promise<string> {
  const absolute = await checkReadableFile(file, cwd, '--answer-file');
  const data = await readFile(absolute);
  if (data.length > MAX_ANSWER_BYTES) {
    throw new DropsignError('invalid-argument', `--answer-file is larger than ${MAX_ANSWER_BYTES} bytes, which no OSS or S3 error answer is.`, 'Save only the body of the server\u2019s answer.', {
      flag: 'answer-file',
    });
  }
  return data.toString('utf8');
}

function verdict(verification: LinkVerification): string {
  switch (verification.kind) {
    case 'valid':
      return `valid for ${verification.method} with profile ${JSON.stringify(verification.profile)}`;
    case 'invalid':
      return `INVALID: ${verification.message}`;
    case 'no-profile':
      return `not checked: no profile has the access key id ${verification.accessKeyId}`;
    case 'unchecked':
      return `not checked: ${verification.message}`;
  }
}

function text(inspection: LinkInspection, nowMs: number): string {
  const rows: [string, string][] = [
    ['Signed with', SCHEME_NAMES[inspection.scheme]],
    ['Host', inspection.host],
    ['Bucket', inspection.bucket ?? '(not in the URL: a custom domain)'],
    ['Key', inspection.key],
    ...(inspection.region === undefined ? [] : ([['Region', inspection.region]] as [string, string][])),
    ['Access key id', inspection.accessKeyId],
    ...(inspection.signedAt === undefined ? [] : ([['Signed at', whenText(inspection.signedAt, nowMs)]] as [string, string][])),
    [Date.parse(inspection.expiresAt) > nowMs ? 'Expires' : 'EXPIRED', whenText(inspection.expiresAt, nowMs)],
    ['Signed headers', inspection.signedHeaders.length === 0 ? 'none' : inspection.signedHeaders.join(', ')],
    ...inspection.parameters.map((param): [string, string] => ['Parameter', `${param.name}=${param.value}`]),
    ['Security token', inspection.hasSecurityToken ? 'present (temporary credentials; not shown)' : 'none'],
    ['Issued here', inspection.issuedLinkId === undefined ? 'no (not in the list of issued links)' : `yes (id ${inspection.issuedLinkId})`],
    ['Signature', verdict(inspection.verification)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  // Values come from the URL (a key may hold a line break, %0A): each stays on its line.
  const lines = rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${visibleLine(value)}`);
  if (inspection.answer !== undefined) {
    lines.push('', `Server answer: ${inspection.answer.message} [${inspection.answer.code}]`, `What to do: ${inspection.answer.hint}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `dropsign link inspect`. */
export const linkInspect: LinkSubcommand = {
  synopsis: 'inspect URL [--answer-file FILE] [--json]',
  async run(args, cli) {
    const { flags, positionals } = parseCommandLine(args, {
      command: 'link inspect',
      flags: { 'answer-file': { type: 'string' }, json: { type: 'boolean' } },
      positionals: true,
    });
    const [url, ...extra] = positionals;
    if (url === undefined || extra.length > 0) {
      throw new DropsignError(
        url === undefined ? 'missing-argument' : 'invalid-argument',
        url === undefined ? 'Missing the link: dropsign link inspect URL.' : 'Give one link, in quotes (a shell splits a link at & otherwise).',
        "Paste the whole link as you handed it out, in single quotes: dropsign link inspect 'https://...'.",
      );
    }
    const answer = flags['answer-file'] === undefined ? undefined : await readAnswer(flags['answer-file'], cli.io.cwd);
    const inspection = await inspectLink(url, answer, { register: linkRegisterFor(cli), profiles: cli });
    cli.io.out(flags.json === true ? `${JSON.stringify(inspection)}\n` : text(inspection, cli.io.now()));
    return 0;
  },
};
