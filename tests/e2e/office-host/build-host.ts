/**
 * Builds what the page gets in place of office.js for the real-client browser test: Microsoft's Excel client
 * (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js, the file tests/excel/host loads in jsdom)
 * followed by a browser bundle of our ExcelHost (page-host.ts). esbuild (installed with tsx) bundles it in
 * memory; client.ts, which loads the client into jsdom, is swapped for browser-client.ts. The production
 * webpack build is not involved.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { CLIENT_FILE } from '../../excel/host/client';

const ROOT = resolve(__dirname, '../../..');
const HOST_DIR = join(ROOT, 'tests/excel/host');

/** `./client` imported from tests/excel/host resolves to the browser twin. */
const browserClient: Plugin = {
  name: 'browser-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/client$/ }, (args) => (resolve(args.resolveDir) === HOST_DIR ? { path: join(__dirname, 'browser-client.ts') } : undefined));
  },
};

export async function officeJsWithHost(): Promise<string> {
  const out = await build({
    entryPoints: [join(__dirname, 'page-host.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    plugins: [browserClient],
    logLevel: 'silent',
  });
  const bundle = out.outputFiles[0].text;
  const client = readFileSync(join(ROOT, CLIENT_FILE), 'utf8');
  return `${client}\n;\n${bundle}`;
}
