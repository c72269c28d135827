/**
 * `dropsign link SUBCOMMAND`: links to hand to other people (put, get), the list of links handed out
 * (list, forget), and reading a link someone pasted back (inspect). One file per sub-command; this one
 * dispatches, prints the usage and reports errors with every secret seen during the run scrubbed.
 */
import { CALLBACK_BODY_TYPES } from '../../shared/ipc/link-types.js';
import { DESTINATION_USAGE } from '../destination-flags.js';
import type { CliCommand } from '../io.js';
import { profileCliCommand } from '../profile-subcommands.js';
import { DEFAULT_PROFILE_CLI_DEPS, type ProfileCliDeps } from '../profile-cli-context.js';
import type { LinkSubcommand } from './link-common.js';
import { linkInspect } from './link-inspect.js';
import { linkForget, linkList } from './link-list.js';
import { linkGet, linkPut } from './link-sign.js';

const SUBCOMMANDS: Readonly<Record<string, LinkSubcommand>> = {
  put: linkPut,
  get: linkGet,
  list: linkList,
  forget: linkForget,
  inspect: linkInspect,
};

const USAGE = `Usage: dropsign link SUBCOMMAND [ARGS] [OPTIONS]

Links to hand to other people: an upload link they can PUT a file to, or a download link. Every link made
is recorded in links.json in the app data directory (the list the app shows too); it holds the URLs, which
work for whoever has them until they expire, and never a secret.

Sub-commands:
${Object.values(SUBCOMMANDS)
  .map((sub) => `  dropsign link ${sub.synopsis}`)
  .join('\n')}

put KEY / get KEY: makes the link, records it, and prints the URL, the headers the other side must send
(exactly those values: they are part of the signature), warnings, and a curl line.
  --expires DURATION                 How long it works: seconds or 90s, 15m, 1h, 7d. Default: the
                                     profile's link expiry (1h). At most 7d, and never past an STS token.
  --json                             One JSON object: {id,url,method,headers,expiresAt,signedAt,profile,
                                     bucket,key,warnings,curl}, and page (its path) with --page.
  --file NAME                        The local file the curl line uploads or saves (default: the key's
                                     last segment).
  put only:
  --content-type TYPE                Lock the Content-Type the uploader must send (recommended: without
                                     it, OSS refuses uploads that send one, as browsers do).
  --forbid-overwrite                 Refuse to replace an existing object.
  --storage-class CLASS              OSS: Standard, IA, Archive, ColdArchive, DeepColdArchive; S3: STANDARD,
                                     STANDARD_IA, GLACIER, ...
  --meta NAME=VALUE                  User metadata (x-oss-meta-NAME / x-amz-meta-NAME). Repeatable.
  --page FILE                        Also write the link's drop page: one HTML file the recipient opens
                                     in any browser to pick or drop the file and upload it, with
                                     progress. It carries the link (written with mode 0600). The bucket's
                                     CORS must allow it: AllowedOrigin * (a page opened from disk has
                                     the origin null), AllowedMethod PUT, AllowedHeader *, ExposeHeader
                                     ETag (dropsign local-bucket --cors-origin '*').
  --page-language LANG               The page's language: en (default) or zh-CN.
  --callback-url URL --callback-body BODY [--callback-body-type TYPE] [--callback-host HOST]
                                     OSS only: after the upload, OSS POSTs BODY to URL and hands that
                                     server's answer to the uploader. BODY may use \${bucket} \${object}
                                     \${size} \${etag} \${mimeType}. TYPE: ${CALLBACK_BODY_TYPES.join(' or ')}
                                     (default the first). The local bucket calls back loopback URLs only.
  get only:
  --version-id ID                    A version of a versioned object.
  --process P                        OSS image/document processing, e.g. image/resize,w_200.

list [--json | --csv]: the issued links, newest first, each active or expired. --csv writes the whole list
  as CSV (UTF-8 with a byte-order mark, for spreadsheets): dropsign link list --csv > links.csv
forget ID: takes a link off the list. It keeps working until it expires: a presigned link cannot be
  revoked (rotate the AccessKey that signed it to stop every link early).
inspect URL [--answer-file FILE] [--json]: what a link says (scheme, bucket, key, region, access key id,
  when it was signed and expires, the headers and parameters it signs), whether it was issued here, and
  whether its signature holds for a configured profile. With --answer-file, the error body the recipient
  got (OSS or S3 XML) is explained: an expired link, or which header differs from the signed one.
  Never shows the signature, the security token or a secret.

${DESTINATION_USAGE}  With no profile, no default profile and no --endpoint, links are for the built-in local
  profile: the embedded local bucket that \`npm start\` (dropsign start) runs on 127.0.0.1:47110.

Exit status: 0 done; 2 bad input (one line on stderr); 1 failure at run time.

Examples:
  dropsign link put photos/cat.jpg --content-type image/jpeg --expires 1d
  dropsign link put inbox/scan.pdf --expires 2d --page upload-scan.html --page-language zh-CN
  dropsign link get reports/q3.pdf --profile prod --expires 15m --json
  dropsign link put inbox/upload.bin --callback-url http://127.0.0.1:8080/uploaded \\
    --callback-body 'object=\${object}&size=\${size}'
  dropsign link list
  dropsign link inspect 'https://photos.oss-cn-hangzhou.aliyuncs.com/cat.jpg?x-oss-...' --answer-file answer.xml
`;

/** `dropsign link` with injectable edges (tests pass a memory keychain). */
export function createLinkCommand(deps: ProfileCliDeps = DEFAULT_PROFILE_CLI_DEPS): CliCommand {
  return profileCliCommand({
    name: 'link',
    usage: USAGE,
    subcommands: SUBCOMMANDS,
    deps,
  });
}

/** `dropsign link`, with the real keychain. */
export const linkCommand: CliCommand = createLinkCommand();
