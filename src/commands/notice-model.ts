/**
 * The notice the ribbon's "Roll up" command shows in a dialog, and how it travels: as JSON in the `n`
 * parameter of notice.html's query string (encodeURIComponent). Shared by the command (encode) and the
 * notice page (decode); no Office or React here, so the page's bundle stays small.
 *
 * Every string is plain text that may come from the user's workbook (sheet names): the page renders it with
 * textContent only.
 */

export const NOTICE_PAGE = 'notice.html';
export const NOTICE_PARAM = 'n';

export type NoticeTone = 'success' | 'warning' | 'error';

export interface Notice {
  tone: NoticeTone;
  title: string;
  /** Label/value pairs, e.g. Program health: Amber. */
  facts: { label: string; value: string }[];
  /** Plain sentences under the facts. */
  lines: string[];
}

/** Long URLs are where dialogs fail in some hosts; the notice stays well under 2,000 characters. */
export const MAX_NOTICE_URL = 2000;

/** notice.html beside the page that runs the command: same origin (protocol, host and port) and folder. */
export function noticePageUrl(commandsPageHref: string): string {
  const url = new URL(NOTICE_PAGE, commandsPageHref);
  url.search = '';
  url.hash = '';
  return url.href;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}

function clipped(n: Notice, max: number, maxLines: number): Notice {
  return {
    tone: n.tone,
    title: clip(n.title, Math.min(max, 120)),
    facts: n.facts.slice(0, 6).map((f) => ({ label: clip(f.label, 40), value: clip(f.value, max) })),
    lines: n.lines.slice(0, maxLines).map((l) => clip(l, max)),
  };
}

/** The dialog URL for `notice`: pageUrl?n=<encodeURIComponent(JSON)>, shortened to fit MAX_NOTICE_URL. */
export function encodeNotice(pageUrl: string, notice: Notice): string {
  const build = (n: Notice): string => `${pageUrl}?${NOTICE_PARAM}=${encodeURIComponent(JSON.stringify(n))}`;
  // Shorter and fewer lines until it fits; non-ASCII text can take 9 characters per character once encoded.
  for (const [max, lines] of [[400, 8], [200, 6], [100, 4], [60, 2], [30, 1], [12, 0]] as const) {
    const url = build(clipped(notice, max, lines));
    if (url.length <= MAX_NOTICE_URL) return url;
  }
  return build({ tone: notice.tone, title: clip(notice.title, 12), facts: [], lines: [] });
}

const TONES: readonly string[] = ['success', 'warning', 'error'];

/** Reads the notice from a query string (location.search); null when absent or malformed. */
export function decodeNotice(search: string): Notice | null {
  const raw = new URLSearchParams(search).get(NOTICE_PARAM);
  if (raw === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const str = (x: unknown): x is string => typeof x === 'string';
  if (!str(o.tone) || !TONES.includes(o.tone) || !str(o.title)) return null;
  const facts = Array.isArray(o.facts) ? o.facts : [];
  const lines = Array.isArray(o.lines) ? o.lines : [];
  return {
    tone: o.tone as NoticeTone,
    title: o.title,
    facts: facts
      .filter((f): f is { label: string; value: string } => typeof f === 'object' && f !== null && str(f.label) && str(f.value))
      .map((f) => ({ label: f.label, value: f.value })),
    lines: lines.filter(str),
  };
}
