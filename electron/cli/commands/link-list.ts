/**
 * `dropsign link list [--json | --csv]` and `dropsign link forget ID`: the register of issued links, newest
 * first, with whether each still works; forgetting takes a link off the list (it keeps working until it
 * expires: a presigned link cannot be revoked).
 */
import { issuedLinksCsv, linkStatus } from '../../core/links/issued-links-csv.js';
import { DropsignError } from '../../shared/errors.js';
import { parseCommandLine, parseFlags } from '../parse-args.js';
import { linkRegisterFor, table, type LinkSubcommand } from './link-common.js';

/** `2026-11-21 08:00` from ISO text. */
function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** `dropsign link list`. */
export const linkList: LinkSubcommand = {
  synopsis: 'list [--json | --csv]',
  async run(args, cli) {
    const flags = parseFlags(args, { command: 'link list', flags: { json: { type: 'boolean' }, csv: { type: 'boolean' } } });
    if (flags.json === true && flags.csv === true) throw new DropsignError('invalid-argument', '--json and --csv contradict each other.', 'Give one of them.');
    const { links } = await linkRegisterFor(cli).list();
    const now = cli.io.now();
    if (flags.csv === true) {
      cli.io.out(issuedLinksCsv(links, now).csv);
      return 0;
    }
    if (flags.json === true) {
      cli.io.out(`${JSON.stringify({ links: links.map((link) => ({ ...link, status: linkStatus(link, now) })), total: links.length })}\n`);
      return 0;
    }
    if (links.length === 0) {
      cli.io.out('No links issued yet: make one with dropsign link put KEY or dropsign link get KEY.\n');
      return 0;
    }
    const rows = [
      ['ISSUED (UTC)', 'METHOD', 'STATUS', 'EXPIRES (UTC)', 'PROFILE', 'BUCKET/KEY', 'ID'],
      ...links.map((link) => [shortTime(link.issuedAt), link.method, linkStatus(link, now), shortTime(link.expiresAt), link.profile || '-', `${link.bucket}/${link.key}`, link.id]),
    ];
    cli.io.out(`${table(rows)}\n\n${links.length} link${links.length === 1 ? '' : 's'}. The URLs: --json or --csv.\n`);
    return 0;
  },
};

/** `dropsign link forget ID`. */
export const linkForget: LinkSubcommand = {
  synopsis: 'forget ID',
  async run(args, cli) {
    const { positionals } = parseCommandLine(args, { command: 'link forget', flags: {}, positionals: true });
    const [id, ...extra] = positionals;
    if (id === undefined || extra.length > 0) {
      throw new DropsignError('missing-argument', 'Give the id of one issued link: dropsign link forget ID.', 'The ids are in the last column of dropsign link list.');
    }
    await linkRegisterFor(cli).forget(id);
    cli.io.out('Forgotten. The link itself still works until it expires: a presigned link cannot be revoked (rotate the AccessKey to stop it early).\n');
    return 0;
  },
};
