/**
 * `dropsign link put KEY` and `dropsign link get KEY`: a link to hand to someone (an upload they can PUT
 * to, or a download), signed with the profile's credentials, recorded in the register of issued links, and
 * printed with the headers the other side must send, what to know about it, and a curl line. With
 * `--page FILE`, an upload link's drop page is written too (link-drop-page.ts).
 *
 * The profile resolves as for `upload`: --profile, else the default profile, else the built-in `local`
 * one (the embedded local bucket); --no-profile or --endpoint without a profile use the options and the
 * environment's credentials.
 */
import { createLink } from '../../core/links/create-link.js';
import type { Profile } from '../../core/profiles/profile-schema.js';
import { DropsignError, toErrorInfo } from '../../shared/errors.js';
import type { IssuedLinkView, LinkMethod, LinkResult } from '../../shared/ipc/link-types.js';
import { resolveDestinationFromFlags, type ResolvedDestination } from '../destination-flags.js';
import { refuseCredentialFlags } from '../env-credentials.js';
import type { ExitCode } from '../io.js';
import { parseCommandLine } from '../parse-args.js';
import type { ProfileCli } from '../profile-cli-context.js';
import { linkRegisterFor, whenText, type LinkSubcommand } from './link-common.js';
import { dropPageTarget, writeDropPage, type DropPageTarget } from './link-drop-page.js';
import { LINK_SIGN_FLAGS, linkRequestFromFlags } from './link-request-flags.js';

/**
 * The profile to sign with: the resolved one with the explicit options applied, or, for options alone, one
 * made from them (recorded with an empty profile name).
 */
function profileOf(destination: ResolvedDestination): Profile {
  const fields = {
    scheme: destination.scheme,
    endpoint: { kind: 'custom' as const, url: destination.endpoint },
    style: destination.style,
    bucket: destination.bucket,
    region: destination.region ?? '',
  };
  if (destination.profile !== undefined) return { ...destination.profile, ...fields };
  return {
    name: '',
    provider: destination.scheme === 's3-v4' ? 's3' : 'oss',
    ...fields,
    keyPrefix: '',
    linkExpirySeconds: destination.linkExpirySeconds,
    accessKeyId: destination.credentials.accessKeyId,
    secretStore: 'keychain',
  };
}

/** What to tell about a drop page written. */
function pageLines(page: DropPageTarget | undefined): string[] {
  if (page === undefined) return [];
  return [
    `Drop page: ${page.path}`,
    '  Send it (or host it): the recipient opens it in a browser and drops the file on it. It carries the link.',
    "  The bucket's CORS must allow it: AllowedOrigin * (a page opened from disk has the origin null), AllowedMethod PUT,",
    '  AllowedHeader *, ExposeHeader ETag.',
    '',
  ];
}

function printText(cli: ProfileCli, link: LinkResult, curl: string, page: DropPageTarget | undefined): void {
  const headers = Object.entries(link.headers);
  const lines = [
    link.url,
    '',
    `${link.method === 'PUT' ? 'Upload' : 'Download'} link for ${link.bucket}/${link.key}${link.profile === '' ? '' : ` (profile ${link.profile})`}, expires ${whenText(link.expiresAt, cli.io.now())}.`,
    headers.length === 0
      ? link.method === 'PUT'
        ? 'The uploader must send no Content-Type or x-oss-* headers.'
        : 'No headers are needed.'
      : `The ${link.method === 'PUT' ? 'uploader' : 'downloader'} must send these headers, exactly:`,
    ...headers.map(([name, value]) => `  ${name}: ${value}`),
    '',
    'curl:',
    `  ${curl}`,
    '',
    ...pageLines(page),
  ];
  cli.io.out(lines.join('\n'));
}

async function run(method: LinkMethod, args: readonly string[], cli: ProfileCli): Promise<ExitCode> {
  refuseCredentialFlags(args);
  const command = `link ${method === 'PUT' ? 'put' : 'get'}`;
  const { flags, positionals } = parseCommandLine(args, { command, flags: LINK_SIGN_FLAGS, positionals: true });
  const [key, ...extra] = positionals;
  if (key === undefined || extra.length > 0) {
    throw new DropsignError(
      key === undefined ? 'missing-argument' : 'invalid-argument',
      key === undefined ? `Missing the object key: dropsign ${command} KEY.` : 'Give one object key; quote keys that contain spaces.',
      `Run \`dropsign ${command} --help\` for the options.`,
    );
  }
  const request = linkRequestFromFlags(method, key, flags);
  const page = await dropPageTarget(flags, cli.io.cwd);
  const destination = await resolveDestinationFromFlags(flags, cli, { fallback: 'local-profile' });
  const link = createLink({
    request,
    profile: profileOf(destination),
    credentials: destination.credentials,
    defaultExpirySeconds: destination.linkExpirySeconds,
    now: cli.io.now,
  });
  for (const warning of link.warnings) cli.warn(warning.message, warning.hint);
  let recorded: IssuedLinkView | undefined;
  try {
    const { snippets: _snippets, warnings: _warnings, ...kept } = link;
    recorded = await linkRegisterFor(cli).record({ issuedAt: new Date(cli.io.now()).toISOString(), link: kept });
  } catch (error) {
    const info = toErrorInfo(error);
    cli.warn(`The link was made but could not be recorded in the list of issued links: ${info.message}`, info.hint);
  }
  // A page that cannot be written fails the command, but only after the link (made and recorded) is shown.
  let pageError: unknown;
  if (page !== undefined) await writeDropPage(page, link).catch((error: unknown) => (pageError = error));
  const written = pageError === undefined ? page : undefined;
  const curl = link.snippets.curl;
  if (flags.json === true) {
    const { snippets: _snippets, ...fields } = link;
    cli.io.out(`${JSON.stringify({ ...(recorded === undefined ? {} : { id: recorded.id }), ...fields, curl, ...(written === undefined ? {} : { page: written.path }) })}\n`);
  } else {
    printText(cli, link, curl, written);
  }
  if (pageError !== undefined) throw pageError;
  return 0;
}

/** `dropsign link put KEY`. */
export const linkPut: LinkSubcommand = { synopsis: 'put KEY [OPTIONS]', run: (args, cli) => run('PUT', args, cli) };

/** `dropsign link get KEY`. */
export const linkGet: LinkSubcommand = { synopsis: 'get KEY [OPTIONS]', run: (args, cli) => run('GET', args, cli) };
