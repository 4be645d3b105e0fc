/**
 * The browser twin of tests/excel/host/client.ts: the same exports excel-host.ts uses, over the copy of
 * Microsoft's client (excel-web-16.00.debug.js) that the page loaded as a script in place of office.js,
 * instead of a jsdom window. The bundler (build-host.ts) swaps it in for client.ts; the seam is the same.
 */
import type { OfficeClient } from '../../excel/host/client';
import { clientIn, sessionRunners } from '../../excel/host/seam';

let loaded: OfficeClient | null = null;

/** Microsoft's Excel and OfficeExtension as the client script defined them (captured before any override). */
export function officeClient(): OfficeClient {
  if (loaded) return loaded;
  loaded = clientIn(window as unknown as Window & typeof globalThis & Record<string, unknown>, 'the client script');
  return loaded;
}

export const { runWithSession, contextWithSession } = sessionRunners(officeClient);
