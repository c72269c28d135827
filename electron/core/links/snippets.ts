/**
 * Ready-to-paste snippets for a handed-out link: curl (POSIX shells), PowerShell, Python `requests` and
 * browser `fetch`. Each sends exactly the signed headers with their signed values and nothing the
 * signature does not cover: in particular no Content-Type unless one is locked (OSS refuses an unsigned
 * one), which is why the fetch snippet strips the file's type when none is locked.
 *
 * Every value is written as a literal of its language (snippet-literals.ts, shell-quote.ts), so a key, a
 * file name or a metadata value can never break out of its string.
 */
import type { LinkMethod, LinkSnippets } from '../../shared/ipc/link-types.js';
import { curlCommand } from './curl-command.js';
import { jsString, powerShellQuote, pythonString } from './snippet-literals.js';

/** A signed link and what the snippets need besides. */
export interface SnippetInput {
  readonly url: string;
  readonly method: LinkMethod;
  /** The signed headers (lower-case names). */
  readonly headers: Readonly<Record<string, string>>;
  /** The local file uploaded (PUT) or written (GET). */
  readonly fileName: string;
}

function powershell({ url, method, headers, fileName }: SnippetInput): string {
  const words = ['Invoke-WebRequest', '-UseBasicParsing'];
  if (method === 'GET') return [...words, '-Uri', powerShellQuote(url), '-OutFile', powerShellQuote(fileName)].join(' ');
  words.push('-Method', 'Put', '-Uri', powerShellQuote(url));
  const { 'content-type': contentType, ...others } = headers;
  // Windows PowerShell 5.1 refuses Content-Type in -Headers; -ContentType works in every version.
  if (contentType !== undefined) words.push('-ContentType', powerShellQuote(contentType));
  const entries = Object.entries(others);
  if (entries.length > 0) words.push('-Headers', `@{${entries.map(([name, value]) => `${powerShellQuote(name)} = ${powerShellQuote(value)}`).join('; ')}}`);
  words.push('-InFile', powerShellQuote(fileName));
  return words.join(' ');
}

function pythonDict(headers: Readonly<Record<string, string>>): string {
  const entries = Object.entries(headers);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([name, value]) => `    ${pythonString(name)}: ${pythonString(value)},\n`).join('')}}`;
}

function python({ url, method, headers, fileName }: SnippetInput): string {
  const head = ['import requests', '', `url = ${pythonString(url)}`];
  if (method === 'GET') {
    return [
      ...head,
      'with requests.get(url, stream=True) as response:',
      '    response.raise_for_status()',
      `    with open(${pythonString(fileName)}, "wb") as out:`,
      '        for chunk in response.iter_content(chunk_size=1024 * 1024):',
      '            out.write(chunk)',
      '',
    ].join('\n');
  }
  return [
    ...head,
    `headers = ${pythonDict(headers)}`,
    `with open(${pythonString(fileName)}, "rb") as body:`,
    '    response = requests.put(url, data=body, headers=headers)',
    'response.raise_for_status()',
    '',
  ].join('\n');
}

function fetchSnippet({ url, method, headers }: SnippetInput): string {
  if (method === 'GET') {
    return [
      `const response = await fetch(${jsString(url)});`,
      'if (!response.ok) throw new Error(`Download failed: HTTP ${response.status}`);',
      'const blob = await response.blob();',
      '',
    ].join('\n');
  }
  const entries = Object.entries(headers);
  const body =
    headers['content-type'] === undefined
      ? '  // The link locks no Content-Type, so the file goes as a Blob without a type (the browser then sends none).\n  body: new Blob([file]),'
      : '  body: file,';
  return [
    '// `file` is a File or Blob, for example from <input type="file">; the bucket must allow this page by CORS.',
    `const response = await fetch(${jsString(url)}, {`,
    '  method: "PUT",',
    `  headers: {${entries.map(([name, value]) => ` ${jsString(name)}: ${jsString(value)}`).join(',')}${entries.length > 0 ? ' ' : ''}},`,
    body,
    '});',
    'if (!response.ok) throw new Error(`Upload failed: HTTP ${response.status}: ${await response.text()}`);',
    '',
  ].join('\n');
}

/** The four snippets for one link. */
export function linkSnippets(input: SnippetInput): LinkSnippets {
  return {
    curl: curlCommand({ url: input.url, method: input.method, signedHeaders: input.headers }, input.fileName),
    powershell: powershell(input),
    python: python(input),
    fetch: fetchSnippet(input),
  };
}
