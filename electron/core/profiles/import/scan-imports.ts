/**
 * Finds credentials users already have, in the usual places, without storing anything:
 * `~/.ossutilconfig`, `~/.aliyun/config.json`, the AWS shared files (`AWS_SHARED_CREDENTIALS_FILE`,
 * `AWS_CONFIG_FILE`, else `~/.aws/credentials` and `~/.aws/config`) and the environment. A missing file
 * is simply nothing found; a file that exists but cannot be read or parsed is reported as a problem.
 */
import { readFile as readFileFs } from 'node:fs/promises';
import path from 'node:path';
import { parseAliyunCliConfig } from './aliyun-cli-import.js';
import { parseAwsFiles } from './aws-import.js';
import { readEnvCredentials } from './env-import.js';
import type { ImportCandidate, ImportProblem, ImportScan, ImportSource } from './import-candidate.js';
import { parseOssutilConfig } from './ossutil-import.js';

/** Where to look. */
export interface ScanOptions {
  readonly sources: readonly ImportSource[];
  /** The user's home directory. */
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * A file to read instead of the usual place, for a single file-based source (for `aws`: the credentials
   * file; a `config` file beside it is read too).
   */
  readonly file?: string;
  /** For testing. */
  readonly readFile?: (file: string) => Promise<string>;
}

type Read = (file: string) => Promise<{ readonly path: string; readonly text: string } | undefined>;

/** Reads a file; undefined when it does not exist. Other failures throw. */
function reader(readFile: (file: string) => Promise<string>): Read {
  return async (file) => {
    try {
      return { path: file, text: await readFile(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
}

async function scanOne(source: ImportSource, options: ScanOptions, read: Read): Promise<readonly ImportCandidate[]> {
  const { home, env, file } = options;
  switch (source) {
    case 'env':
      return readEnvCredentials(env);
    case 'ossutil': {
      const found = await read(file ?? path.join(home, '.ossutilconfig'));
      return found === undefined ? [] : parseOssutilConfig(found.text, found.path);
    }
    case 'aliyun': {
      const found = await read(file ?? path.join(home, '.aliyun', 'config.json'));
      return found === undefined ? [] : parseAliyunCliConfig(found.text, found.path);
    }
    case 'aws': {
      const credentialsPath = file ?? env['AWS_SHARED_CREDENTIALS_FILE'] ?? path.join(home, '.aws', 'credentials');
      const configPath = file !== undefined ? path.join(path.dirname(file), 'config') : (env['AWS_CONFIG_FILE'] ?? path.join(home, '.aws', 'config'));
      const [credentials, config] = [await read(credentialsPath), await read(configPath)];
      return parseAwsFiles({ ...(credentials === undefined ? {} : { credentials }), ...(config === undefined ? {} : { config }) });
    }
  }
}

/** The file a source reads (for problem reports). */
function describeSource(source: ImportSource, options: ScanOptions): string {
  if (options.file !== undefined) return options.file;
  switch (source) {
    case 'env':
      return 'environment';
    case 'ossutil':
      return path.join(options.home, '.ossutilconfig');
    case 'aliyun':
      return path.join(options.home, '.aliyun', 'config.json');
    case 'aws':
      return options.env['AWS_SHARED_CREDENTIALS_FILE'] ?? path.join(options.home, '.aws', 'credentials');
  }
}

/** Scans `options.sources`. Never stores anything and never throws for a bad file (see the module comment). */
export async function scanForImports(options: ScanOptions): Promise<ImportScan> {
  const read = reader(options.readFile ?? ((file) => readFileFs(file, 'utf8')));
  const candidates: ImportCandidate[] = [];
  const problems: ImportProblem[] = [];
  for (const source of options.sources) {
    try {
      candidates.push(...(await scanOne(source, options, read)));
    } catch (error) {
      // Parser messages name a position or an errno, never a value from the file.
      const code = (error as NodeJS.ErrnoException).code;
      const message = code !== undefined ? `cannot be read (${code})` : `is not in the expected format (${error instanceof SyntaxError ? 'not JSON' : 'unexpected content'})`;
      problems.push({ source, path: describeSource(source, options), message });
    }
  }
  return { candidates, problems };
}
