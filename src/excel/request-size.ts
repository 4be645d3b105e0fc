/**
 * Request sizes: the budgets that keep a write request under Excel on the web's 5 MB limit, the estimate
 * of a step's bytes (held above the real client's bytes by tests/excel/request-size.test.ts), and batching.
 */

/** Stay under Excel on the web's 5 MB request limit: the estimate is held above the real bytes by a test. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;
/**
 * Excel on Windows and Mac sets no request size limit; one write request keeps a roll-up at 4 syncs (30,000
 * issue rows make ~22 MB). Still bounded, so a pathological plan is sent in parts.
 */
export const DESKTOP_REQUEST_BUDGET = 64 * 1024 * 1024;
/**
 * Request bytes per Office.js operation besides its arguments. Measured through Microsoft's client
 * (tests/excel/request-size.test.ts): every proxy adds an object path and an Instantiate action, a range
 * also a _KeepReference, every property set or method call an action, ~90-150 bytes each.
 */
export const OP_BYTES = 160;
/** UTF-8 bytes of a string (the request is sent as UTF-8 JSON; non-ASCII names count more than one byte). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/**
 * Estimated request bytes of a step: its arguments as JSON plus `ops` Office.js operations, counting a
 * navigation that creates a proxy, a property set and a method call as one each, and a range as two.
 */
export function bytesOf(value: unknown, ops: number): number {
  return utf8Length(JSON.stringify(value) ?? '') + ops * OP_BYTES;
}

/** Groups steps into batches whose estimated size stays within the budget (a step never splits). */
export function batchSteps<T extends { bytes: number }>(steps: T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Bytes every write request carries besides its steps (root, worksheets and sheet paths), measured ~700. */
export const REQUEST_BASE_BYTES = 1024;

export function isRequestTooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'RequestPayloadSizeLimitExceeded';
}

