/**
 * XML text of a worksheet part: entities and Excel's _xHHHH_ escapes, attributes, string runs, and a
 * well-formedness check, all with string scans (no DOM: a 2-million-cell sheet is read in one pass).
 */

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A numeric character reference as text. One that names no Unicode character (past U+10FFFF, a surrogate,
 * or absurdly long) becomes U+FFFD, the replacement character: one bad reference costs one character, not
 * the workbook (String.fromCodePoint would throw a RangeError with no word of where).
 */
function charRef(digits: string, hex: boolean): string {
  const code = digits.length > 8 ? NaN : parseInt(digits, hex ? 16 : 10);
  if (!(code >= 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes XML entities and Excel's _xHHHH_ escapes in text content. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? (e[1] === 'x' ? charRef(e.slice(2), true) : charRef(e.slice(1), false)) : ENTITY[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Attributes of one start tag ('r="A1" t="s"') as a map. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = decodeXml(m[2]);
  return out;
}

/** Plain text of a string item (<si> or <is>): every <t> run, skipping phonetic guides (<rPh>). */
export function runText(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += m[1] ?? '';
  return decodeXml(out);
}

const isNameCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 58 || c === 95 || c === 45 || c === 46 || c > 127;


/**
 * Why a part is not well-formed XML, or null when it is: a tag left unterminated, a tag closed out of order,
 * a second root, or a root left open (a part cut short). The reader scans parts with regular expressions that
 * would read a damaged part as a shorter or shifted one without a word, so each part it reads is checked
 * first. One pass over the tags with indexOf and char codes (a regular expression took a third as long as
 * reading the sheet); text and attribute values are not checked further.
 */
export function xmlDamage(xml: string): string | null {
  const open: string[] = [];
  let roots = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 63 || next === 33) {
      // <?…?>, <!--…-->, <![CDATA[…]]> (and <!DOCTYPE …>): skipped whole.
      const endText = next === 63 ? '?>' : xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : '>';
      const end = xml.indexOf(endText, i + 2);
      if (end < 0) return `it ends inside a "${xml.slice(i, i + 4)}" section (cut short)`;
      i = end + endText.length;
      continue;
    }
    const closing = next === 47;
    let j = closing ? i + 2 : i + 1;
    const nameStart = j;
    while (j < xml.length && isNameCode(xml.charCodeAt(j))) j++;
    if (j === nameStart) return `a stray "<" at character ${i}`;
    const name = xml.slice(nameStart, j);
    // To the tag's ">", skipping quoted attribute values; a "<" on the way means the tag was cut.
    let quote = 0;
    for (; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
      else if (c === 60) return `the tag <${name}> at character ${i} is cut off`;
    }
    if (j >= xml.length) return `it ends inside the tag <${name}> (cut short)`;
    if (closing) {
      const top = open.pop();
      if (top !== name) return `</${name}> at character ${i} closes ${top === undefined ? 'nothing' : `<${top}>`}`;
    } else {
      if (open.length === 0 && ++roots > 1) return `a second root element <${name}> at character ${i}`;
      if (xml.charCodeAt(j - 1) !== 47) open.push(name);
    }
    i = j + 1;
  }
  if (open.length > 0) return `it ends with <${open[open.length - 1]}> still open (cut short)`;
  return roots === 0 ? 'it has no root element' : null;
}
