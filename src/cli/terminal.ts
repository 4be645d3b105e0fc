/**
 * Text bound for a terminal. Sheet and task names are user data: an ESC or OSC sequence in one would recolour,
 * retitle or rewrite the user's terminal when echoed, and a carriage return could overwrite a line already
 * printed. Everything the command line prints passes through terminalSafe; the JSON keeps the data, escaped.
 */

/** CSI (ESC [ … final byte), OSC (ESC ] … BEL or ST) and other two-character escape sequences. */
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]/g;
/** C0 controls except tab and line feed, DEL, C1 controls, and the bidirectional overrides that reorder a line. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * The result as JSON for a file or stdout. JSON.stringify already escapes C0 controls and lone surrogates;
 * DEL, the C1 controls and U+2028/U+2029 it leaves raw, so they are escaped here too: the same JSON value,
 * and nothing a terminal acts on.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
