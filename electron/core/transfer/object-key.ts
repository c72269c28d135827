/**
 * Object keys from a prefix and a template: `photos/` + `{date}/{name}` → `photos/2024-11-12/cat.jpg`.
 *
 * Placeholders (case-sensitive):
 * - `{path}` the file's path relative to what was dropped (`folder/sub/cat.jpg`); the default template
 * - `{dir}` that path's folder part (`folder/sub`, empty for a dropped file), `{name}` (`cat.jpg`),
 *   `{base}` (`cat`), `{ext}` (`jpg`, no dot; empty when there is none; `.bashrc` has none)
 * - `{date}` `YYYY-MM-DD`, `{time}` `HHmmss`, `{year}` `{month}` `{day}`, `{timestamp}` (Unix ms), all UTC
 *   and all of the upload's clock (`ctx.now`), so one batch can share a folder
 * - `{uuid}` (one value per key, however often it appears), `{sha256:N}` the first N (4..64) hex digits of
 *   the file's SHA-256 (`{sha256}`: all 64); {@link templateNeedsHash} tells the caller to hash first
 * - `{{` and `}}` for literal braces
 *
 * Two tidy-ups keep common templates clean: an empty `{dir}` also drops the `/` right after it
 * (`{dir}/{name}` → `cat.jpg`, not `/cat.jpg`), and an empty `{ext}` drops the `.` right before it
 * (`{base}-{uuid}.{ext}` → `README-…`, not `README-….`).
 *
 * The key is normalised to Unicode NFC, so a file named on macOS (which stores names decomposed, NFD) and
 * the same name typed on Windows give the same key, and then validated by the signer's OSS key rules
 * before any request is made.
 */
import { DropsignError, isDropsignError } from '../../shared/errors.js';
import { validateKey } from '../signing/validate-target.js';
import { quote } from '../signing/validation-helpers.js';

/** The template used when none is configured: the dropped structure as it is. */
export const DEFAULT_KEY_TEMPLATE = '{path}';

/** The file a key is made for. */
export interface KeyFile {
  /** POSIX relative path, as scanning gives it (`folder/sub/cat.jpg`, or `cat.jpg` for a dropped file). */
  readonly relativePath: string;
  /** The file name with its extension. */
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Values that do not come from the file. */
export interface KeyContext {
  /** The upload's time, for the date placeholders. */
  readonly now: Date;
  /** Makes a UUID; called at most once per key. */
  readonly uuid: () => string;
  /** The file's SHA-256 as 64 hex digits; needed when the template has `{sha256:N}`. */
  readonly sha256?: string;
}

const FIELDS = ['name', 'base', 'ext', 'path', 'dir', 'date', 'time', 'year', 'month', 'day', 'timestamp', 'uuid'] as const;
type Field = (typeof FIELDS)[number];

type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly field: Field }
  | { readonly kind: 'sha256'; readonly length: number };

/** A parsed template, ready to render many keys. */
export interface KeyTemplate {
  readonly template: string;
  /** True when rendering needs the file's SHA-256. */
  readonly needsHash: boolean;
  /** Renders and validates one key (see {@link renderObjectKey}). */
  render(prefix: string, file: KeyFile, ctx: KeyContext): string;
}

// Why 4 and 64: fewer than 4 hex digits (65,536 values) collide within one folder of photos; 64 is all of SHA-256.
const MIN_HASH_DIGITS = 4;
const MAX_HASH_DIGITS = 64;

const TEMPLATE_HINT = `Use placeholders such as {path}, {name}, {date}/{name} or {sha256:8}.{ext}; write {{ and }} for literal braces. Known: ${[...FIELDS, 'sha256:N'].map((f) => `{${f}}`).join(' ')}.`;

function templateError(template: string, problem: string): DropsignError {
  return new DropsignError('invalid-key-template', `The key template ${quote(template)} ${problem}.`, TEMPLATE_HINT, { template });
}

function parsePlaceholder(template: string, inner: string): Segment {
  if ((FIELDS as readonly string[]).includes(inner)) return { kind: 'field', field: inner as Field };
  const hash = /^sha256(?::(\d{1,3}))?$/.exec(inner);
  if (hash !== null) {
    const length = hash[1] === undefined ? MAX_HASH_DIGITS : Number(hash[1]);
    if (length < MIN_HASH_DIGITS || length > MAX_HASH_DIGITS) {
      throw templateError(template, `asks for ${length} digits of the SHA-256 in {${inner}}, but it can be ${MIN_HASH_DIGITS} to ${MAX_HASH_DIGITS}`);
    }
    return { kind: 'sha256', length };
  }
  throw templateError(template, `has an unknown placeholder {${inner}}`);
}

function parseTemplate(template: string): Segment[] {
  if (template === '') throw templateError(template, 'is empty');
  const segments: Segment[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    const next = template[i + 1];
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      text += char;
      i++;
    } else if (char === '}') {
      throw templateError(template, `has a "}" at position ${i + 1} with no "{" before it (write }} for a literal brace)`);
    } else if (char === '{') {
      const close = template.indexOf('}', i + 1);
      const nested = template.indexOf('{', i + 1);
      if (close < 0 || (nested >= 0 && nested < close)) {
        throw templateError(template, `has a "{" at position ${i + 1} that is never closed (write {{ for a literal brace)`);
      }
      if (text !== '') segments.push({ kind: 'text', text });
      text = '';
      segments.push(parsePlaceholder(template, template.slice(i + 1, close)));
      i = close;
    } else {
      text += char;
    }
  }
  if (text !== '') segments.push({ kind: 'text', text });
  return segments;
}

/** Splits `cat.tar.gz` into `cat.tar` and `gz`; a leading dot (`.bashrc`) starts the name, not an extension. */
function splitExtension(name: string): { base: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? { base: name, ext: '' } : { base: name.slice(0, dot), ext: name.slice(dot + 1) };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Values of the plain fields for one file; `uuid` is made on first use. */
function fieldValues(file: KeyFile, ctx: KeyContext): (field: Field) => string {
  const { base, ext } = splitExtension(file.name);
  const slash = file.relativePath.lastIndexOf('/');
  const now = ctx.now;
  if (Number.isNaN(now.getTime())) throw new DropsignError('internal', 'The upload time for the object key is not a valid date.', 'This is a bug in Dropsign; please report it.');
  const date = `${pad(now.getUTCFullYear(), 4)}-${pad(now.getUTCMonth() + 1, 2)}-${pad(now.getUTCDate(), 2)}`;
  let uuid: string | undefined;
  return (field) => {
    switch (field) {
      case 'name': return file.name;
      case 'base': return base;
      case 'ext': return ext;
      case 'path': return file.relativePath;
      case 'dir': return slash < 0 ? '' : file.relativePath.slice(0, slash);
      case 'date': return date;
      case 'time': return `${pad(now.getUTCHours(), 2)}${pad(now.getUTCMinutes(), 2)}${pad(now.getUTCSeconds(), 2)}`;
      case 'year': return pad(now.getUTCFullYear(), 4);
      case 'month': return pad(now.getUTCMonth() + 1, 2);
      case 'day': return pad(now.getUTCDate(), 2);
      case 'timestamp': return String(now.getTime());
      case 'uuid': return (uuid ??= ctx.uuid());
    }
  };
}

function hashDigits(ctx: KeyContext, length: number): string {
  const hash = ctx.sha256;
  if (hash === undefined || !/^[0-9a-f]{64}$/i.test(hash)) {
    throw new DropsignError(
      'internal',
      'The key template needs the file’s SHA-256, but it was not computed.',
      'This is a bug in Dropsign; please report it with the key template you use.',
    );
  }
  return hash.slice(0, length).toLowerCase();
}

function renderSegments(segments: readonly Segment[], file: KeyFile, ctx: KeyContext): string {
  const value = fieldValues(file, ctx);
  let out = '';
  let dropSlash = false;
  segments.forEach((segment, index) => {
    if (segment.kind === 'text') {
      out += dropSlash && segment.text.startsWith('/') ? segment.text.slice(1) : segment.text;
    } else if (segment.kind === 'sha256') {
      out += hashDigits(ctx, segment.length);
    } else {
      const text = value(segment.field);
      const previous = segments[index - 1];
      if (segment.field === 'ext' && text === '' && previous?.kind === 'text' && previous.text.endsWith('.')) out = out.slice(0, -1);
      out += text;
    }
    dropSlash = segment.kind === 'field' && segment.field === 'dir' && value('dir') === '';
  });
  return out;
}

/** `a`, `a/` and `a//` all become `a/`; an empty prefix stays empty. */
function joinPrefix(prefix: string, key: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' ? key : `${trimmed}/${key}`;
}

/**
 * Parses and checks `template` once, for rendering many keys. Throws `invalid-key-template` naming the
 * unknown placeholder or the unbalanced brace.
 */
export function compileKeyTemplate(template: string): KeyTemplate {
  const segments = parseTemplate(template);
  return {
    template,
    needsHash: segments.some((segment) => segment.kind === 'sha256'),
    render(prefix, file, ctx) {
      const key = joinPrefix(prefix, renderSegments(segments, file, ctx)).normalize('NFC');
      try {
        validateKey(key, 'oss-v4');
      } catch (error) {
        if (!isDropsignError(error)) throw error;
        throw new DropsignError(
          'invalid-key',
          `The key template ${quote(template)}${prefix === '' ? '' : ` with the prefix ${quote(prefix)}`} gives an unusable key for ${quote(file.relativePath)}: ${error.message}`,
          `${error.hint} Or change the key template or prefix.`,
          { ...error.details, template, prefix, file: file.relativePath },
        );
      }
      return key;
    },
  };
}

/**
 * The object key for `file`: `prefix` (joined with exactly one `/`) then `template` rendered, normalised
 * to NFC and validated by the OSS key rules. Throws `invalid-key-template` for a bad template and
 * `invalid-key` (naming the file and the template) for a key OSS would refuse.
 */
export function renderObjectKey(template: string, prefix: string, file: KeyFile, ctx: KeyContext): string {
  return compileKeyTemplate(template).render(prefix, file, ctx);
}

/** True when `template` has `{sha256:N}`, so the file must be hashed before its key is known. Throws for a bad template. */
export function templateNeedsHash(template: string): boolean {
  return compileKeyTemplate(template).needsHash;
}

/**
 * The `n`th alternative name for a key that is taken (existing-object policy `rename`): ` (n)` goes
 * before the last extension of the last path segment, as desktop file managers do, so the extension (and
 * with it the Content-Type and the app that opens it) is kept: `photo.jpg` → `photo (1).jpg`,
 * `dir/archive.tar.gz` → `dir/archive.tar (1).gz` (the last extension only: `my.photo.jpg` and
 * `archive.tar.gz` cannot be told apart), `README` → `README (1)`, `.bashrc` → `.bashrc (1)`. Always apply
 * it to the original key with the next `n` (1, 2, 3...), not to the previous result.
 */
export function renameForConflict(key: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new DropsignError('invalid-argument', `The rename number must be a whole number from 1, not ${n}.`, 'This is a bug in Dropsign; please report it.');
  }
  if (key.endsWith('/') && key.length > 1) return `${renameForConflict(key.slice(0, -1), n)}/`;
  const slash = key.lastIndexOf('/');
  const { base, ext } = splitExtension(key.slice(slash + 1));
  const renamed = `${key.slice(0, slash + 1)}${base} (${n})${ext === '' && !key.endsWith('.') ? '' : `.${ext}`}`;
  validateKey(renamed, 'oss-v4');
  return renamed;
}
