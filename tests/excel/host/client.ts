/**
 * Microsoft's own Office.js client (the Excel web build shipped in @microsoft/office-js), loaded once per test
 * file into a jsdom window. Everything the adapter calls — proxies, load/sync, PropertyNotLoaded, collections,
 * null objects, request serialisation — is Microsoft's code; only the host that answers its requests is ours.
 *
 * The seam (internal to the library, hence pinned and checked by seam.test.ts): `Excel.run({ session }, …)`
 * and `new Excel.RequestContext(session)` accept a session object; when it has `_resolveRequestUrlAndHeaderInfo`
 * the context takes it as its request-info resolver, and on its first sync asks it
 * `_createRequestExecutorOrNull()`. The executor's `executeAsync(customData, requestFlags, { Url, Headers, Body })`
 * receives the request body (Actions + ObjectPaths) and must resolve to `{ HttpStatusCode, ErrorCode,
 * ErrorMessage, Headers, Body: { Results | Error } }`. Each context carries its own session, so two hosts can
 * run at once.
 */
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import { clientIn, sessionRunners } from './seam';

/** The library version the seam was read from; seam.test.ts fails when node_modules holds another. */
export const PINNED_OFFICE_JS_VERSION = '1.1.110';
export const CLIENT_FILE = 'node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js';

export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: RequestBody;
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ExecutorResponse {
  HttpStatusCode: number;
  ErrorCode: string | null;
  ErrorMessage: string | null;
  Headers: Record<string, string>;
  Body: unknown;
}

export interface RequestExecutor {
  executeAsync(customData: string, requestFlags: number, message: RequestMessage): Promise<ExecutorResponse>;
}

/** The session object the seam expects. */
export interface OverrideSession {
  _resolveRequestUrlAndHeaderInfo(): Promise<{ url: string; headers: Record<string, string> }>;
  _createRequestExecutorOrNull(): RequestExecutor;
}

export interface OfficeClient {
  window: Window & typeof globalThis;
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
}

let loaded: OfficeClient | null = null;

/** Loads the client library into a fresh jsdom window (once per module registry, i.e. per test file). */
export function officeClient(): OfficeClient {
  if (loaded) return loaded;
  const file = path.resolve(__dirname, '../../..', CLIENT_FILE);
  const source = fs.readFileSync(file, 'utf8');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    runScripts: 'outside-only',
    url: 'https://localhost/taskpane.html',
  });
  const window = dom.window as unknown as Window & typeof globalThis & Record<string, unknown>;
  window.eval(source);
  loaded = clientIn(window, CLIENT_FILE);
  return loaded;
}

/** Microsoft's Excel.run with `session` answering its requests, and a RequestContext outside Excel.run. */
export const { runWithSession, contextWithSession } = sessionRunners(officeClient);
