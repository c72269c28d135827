/**
 * Parsing and checking the body of CompleteMultipartUpload.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ossError } from './oss-errors.js';
import { MAX_PART_NUMBER } from './oss-limits.js';

/** One `<Part>` of the request, as the client listed it. */
export interface RequestedPart {
  readonly partNumber: number;
  /** The ETag as sent, quotes and case removed: `5EB63BBBE01EEED093CB22BB8F5ACDC3`. */
  readonly etag: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  // Entities are refused below; this keeps the parser from expanding any that slip through.
  processEntities: false,
  isArray: (name) => name === 'Part',
});

/**
 * Parses `<CompleteMultipartUpload><Part><PartNumber/><ETag/></Part>...</CompleteMultipartUpload>`.
 * Throws MalformedXML for anything else (including DTDs, which could expand entities), InvalidPartOrder
 * when part numbers do not strictly ascend, and InvalidArgument for a part number outside 1..10000.
 */
export function parseCompleteRequest(body: string): readonly RequestedPart[] {
  if (body.trim() === '' || /<!DOCTYPE|<!ENTITY/i.test(body)) throw malformed();
  if (XMLValidator.validate(body) !== true) throw malformed();
  let doc: unknown;
  try {
    doc = parser.parse(body);
  } catch {
    throw malformed();
  }
  const root = (doc as Record<string, unknown>)['CompleteMultipartUpload'];
  if (typeof root !== 'object' || root === null) throw malformed();
  const rawParts = (root as Record<string, unknown>)['Part'];
  if (!Array.isArray(rawParts) || rawParts.length === 0) throw malformed();
  const parts: RequestedPart[] = [];
  for (const raw of rawParts as unknown[]) {
    if (typeof raw !== 'object' || raw === null) throw malformed();
    const numberText = (raw as Record<string, unknown>)['PartNumber'];
    const etagText = (raw as Record<string, unknown>)['ETag'];
    if (typeof numberText !== 'string' || typeof etagText !== 'string') throw malformed();
    if (!/^[0-9]{1,9}$/.test(numberText)) throw malformed();
    const partNumber = Number(numberText);
    if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw ossError('InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive.`, {
        ArgumentName: 'PartNumber',
        ArgumentValue: numberText,
      });
    }
    const previous = parts.at(-1);
    if (previous !== undefined && partNumber <= previous.partNumber) {
      throw ossError('InvalidPartOrder', 'The list of parts was not in ascending order. Parts list must be specified in order by part number.');
    }
    parts.push({ partNumber, etag: normalizeEtag(etagText) });
  }
  return parts;
}

/** An ETag without surrounding quotes (straight or entity-escaped) and in upper case, for comparison. */
export function normalizeEtag(etag: string): string {
  return etag.trim().replace(/^(&quot;|")/, '').replace(/(&quot;|")$/, '').toUpperCase();
}

function malformed(): Error {
  return ossError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
}
