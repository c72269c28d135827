/**
 * Text put into HTML: escaped so that no value (a key, a bucket, a translated sentence) can open a tag,
 * close an attribute or start an entity, and templates whose `{name}` slots take markup that was built
 * (and escaped) beforehand.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * `template` escaped, with each `{name}` replaced by `slots[name]`, which is markup (already escaped by
 * the caller). A slot the template names but `slots` lacks is left as written.
 */
export function fillMarkup(template: string, slots: Readonly<Record<string, string>>): string {
  return escapeHtml(template).replace(/\{([a-z]+)\}/g, (whole, name: string) => (Object.hasOwn(slots, name) ? (slots[name] ?? whole) : whole));
}
