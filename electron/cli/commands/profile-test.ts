/**
 * `dropsign profile test [NAME] [--json]`: a signed probe of the profile (profile-probe.ts) with a precise
 * diagnosis: wrong key, wrong secret, wrong region (and the bucket's), missing bucket, clock skew (and by
 * how much), missing permission, network / TLS / proxy failure, each with what to do; plus warnings
 * (mainland-China custom domain, STS token, clock). Exit status 0 when the profile works, 1 when not.
 */
import { probeProfile, type ProbeReport } from '../../core/profiles/profile-probe.js';
import { resolveProfile } from '../../core/profiles/resolve-profile.js';
import type { ExitCode } from '../io.js';
import { parseFlags } from '../parse-args.js';
import { takeOptionalName, type ProfileSubcommand } from '../profile-args.js';
import type { ProfileCli } from '../profile-cli-context.js';

function describeReport(name: string, report: ProbeReport): string {
  const lines = [`Testing profile "${name}": ListObjects on ${report.endpoint} (${report.route}).`];
  if (report.ok) {
    const id = report.requestId === undefined ? '' : `, request id ${report.requestId}`;
    lines.push(`OK: the AccessKey ID, secret, region and bucket are right (answered in ${report.elapsedMs} ms${id}).`);
  } else {
    const { problem } = report;
    lines.push(`FAILED: ${problem.message} [${problem.code}]`, `  What to do: ${problem.hint}`);
    const requestId = problem.details?.['requestId'];
    if (requestId !== undefined) lines.push(`  Request id: ${String(requestId)}`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${warning.message}`, `  What to do: ${warning.hint}`);
  return `${lines.join('\n')}\n`;
}

async function run(args: readonly string[], cli: ProfileCli): Promise<ExitCode> {
  const { name, rest } = takeOptionalName(args);
  const flags = parseFlags(rest, { command: 'profile test', flags: { json: { type: 'boolean' } } });
  const resolved = await resolveProfile(name, cli);
  const credentials = await resolved.credentials();
  cli.seenSecrets.push(credentials.accessKeySecret, ...(credentials.securityToken === undefined ? [] : [credentials.securityToken]));
  const report = await probeProfile({
    profile: resolved.profile,
    credentials,
    builtIn: resolved.builtIn,
    env: cli.io.env,
    now: cli.io.now,
  });
  if (flags.json === true) cli.io.out(`${JSON.stringify({ profile: resolved.profile.name, ...report })}\n`);
  else cli.io.out(describeReport(resolved.profile.name, report));
  return report.ok ? 0 : 1;
}

/** `dropsign profile test`. */
export const profileTest: ProfileSubcommand = { synopsis: 'test [NAME] [--json]', run };
