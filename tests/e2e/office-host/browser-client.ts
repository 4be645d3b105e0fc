/**
 * The browser twin of tests/excel/host/client.ts: the same exports excel-host.ts uses, over the copy of
 * Microsoft's client (excel-web-16.00.debug.js) that the page loaded as a script in place of office.js,
 * instead of a jsdom window. The bundler (build-host.ts) swaps it in for client.ts; the seam is the same.
 */
import type { OfficeClient, OverrideSession } from '../../excel/host/client';

let loaded: OfficeClient | null = null;

/** Microsoft's Excel and OfficeExtension as the client script defined them (captured before any override). */
export function officeClient(): OfficeClient {
  if (loaded) return loaded;
  const w = window as unknown as Window & typeof globalThis & Record<string, unknown>;
  const excel = w.Excel as typeof Excel | undefined;
  const ext = w.OfficeExtension as OfficeClient['OfficeExtension'] | undefined;
  if (!excel || typeof excel.run !== 'function' || typeof excel.RequestContext !== 'function' || !ext) {
    throw new Error('Office.js seam moved: the client script no longer defines Excel.run, Excel.RequestContext and OfficeExtension');
  }
  loaded = { window: w, Excel: excel, OfficeExtension: ext };
  return loaded;
}

export function runWithSession<T>(
  session: OverrideSession,
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  const withSession = { ...options, session } as unknown as Excel.RunOptions;
  return officeClient().Excel.run(withSession, batch);
}

export function contextWithSession(session: OverrideSession): Excel.RequestContext {
  const Context = officeClient().Excel.RequestContext as unknown as new (session: OverrideSession) => Excel.RequestContext;
  return new Context(session);
}
