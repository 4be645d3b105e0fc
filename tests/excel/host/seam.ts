/**
 * The seam into Microsoft's client, shared by the jsdom loader (client.ts) and its browser twin
 * (tests/e2e/office-host/browser-client.ts): the check that a window holds the client's Excel and
 * OfficeExtension, and Excel.run / RequestContext with our session answering the requests.
 */
import type { OfficeClient, OverrideSession } from './client';

/** The client as `window` holds it once its script ran; throws loudly when the seam has moved. */
export function clientIn(window: Window & typeof globalThis & Record<string, unknown>, what: string): OfficeClient {
  const excel = window.Excel as typeof Excel | undefined;
  const ext = window.OfficeExtension as OfficeClient['OfficeExtension'] | undefined;
  if (!excel || typeof excel.run !== 'function' || typeof excel.RequestContext !== 'function' || !ext) {
    throw new Error(`Office.js seam moved: ${what} no longer defines Excel.run, Excel.RequestContext and OfficeExtension`);
  }
  return { window, Excel: excel, OfficeExtension: ext };
}

/** Microsoft's Excel.run and a RequestContext outside Excel.run, both with `session` answering requests. */
export function sessionRunners(officeClient: () => OfficeClient): {
  runWithSession<T>(session: OverrideSession, options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  contextWithSession(session: OverrideSession): Excel.RequestContext;
} {
  return {
    runWithSession(session, options, batch) {
      const withSession = { ...options, session } as unknown as Excel.RunOptions;
      return officeClient().Excel.run(withSession, batch);
    },
    contextWithSession(session) {
      const Context = officeClient().Excel.RequestContext as unknown as new (session: OverrideSession) => Excel.RequestContext;
      return new Context(session);
    },
  };
}
