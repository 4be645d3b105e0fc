/**
 * The test host plugs into Microsoft's Office.js client through internals (see tests/excel/host/client.ts).
 * If @microsoft/office-js changes, these fail first and say where, instead of every src/excel test failing
 * in some puzzling way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CLIENT_FILE, PINNED_OFFICE_JS_VERSION, officeClient, runWithSession, type RequestBody } from './host/client';
import { ExcelHost, DELAY_FOR_CELL_EDIT_FLAG } from './host/excel-host';
import { newSheet } from './fake/model';

const root = path.resolve(__dirname, '../..');

describe('the Office.js seam the test host relies on', () => {
  it(`is the pinned version ${PINNED_OFFICE_JS_VERSION}, installed and declared exactly`, () => {
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@microsoft/office-js/package.json'), 'utf8')) as { version: string };
    const declared = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(installed.version).toBe(PINNED_OFFICE_JS_VERSION);
    expect(declared.dependencies['@microsoft/office-js']).toBe(PINNED_OFFICE_JS_VERSION);
  });

  it('still has the internals the host plugs into', () => {
    const source = fs.readFileSync(path.join(root, CLIENT_FILE), 'utf8');
    for (const needle of [
      'requestInfo = options.session;', // Excel.run({ session }) carries our session to the context
      'ClientRequestContext.isRequestUrlAndHeaderInfoResolver(url)', // a session with a resolver is accepted
      '_this.m_requestUrlAndHeaderInfoResolver._createRequestExecutorOrNull()', // which supplies the executor
      '.executeAsync(this._customData, requestFlags, requestExecutorRequestMessage)', // called once per sync
      'context._requestFlagModifier |= 64;', // delayForCellEdit becomes request flag 64
    ]) {
      expect({ needle, found: source.includes(needle) }).toEqual({ needle, found: true });
    }
  });

  it('sends each sync through our executor with Actions and ObjectPaths, and parses our Results', async () => {
    const seen: { flags: number; body: RequestBody }[] = [];
    const session = {
      _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'https://excel.test/', headers: {} }),
      _createRequestExecutorOrNull: () => ({
        executeAsync: (_c: string, flags: number, message: { Body: RequestBody }) => {
          seen.push({ flags, body: message.Body });
          const query = message.Body.Actions.find((a) => a.ActionType === 2);
          return Promise.resolve({
            HttpStatusCode: 200,
            ErrorCode: null,
            ErrorMessage: null,
            Headers: {},
            Body: { Results: query ? [{ ActionId: query.Id, Value: { Name: 'Workbook.xlsx' } }] : [] },
          });
        },
      }),
    };
    const name = await runWithSession(session, { delayForCellEdit: true }, async (context) => {
      context.workbook.load('name');
      await context.sync();
      return context.workbook.name;
    });
    expect(name).toBe('Workbook.xlsx');
    expect(seen).toHaveLength(1);
    expect(seen[0].flags & DELAY_FOR_CELL_EDIT_FLAG).toBe(DELAY_FOR_CELL_EDIT_FLAG);
    expect(seen[0].body.ObjectPaths['1']).toMatchObject({ ObjectPathType: 1 });
    expect(seen[0].body.Actions.some((a) => a.ActionType === 2 && a.QueryInfo?.Select?.includes('name'))).toBe(true);
  });

  it("leaves Microsoft's client in charge of loads and null objects", async () => {
    const excel = new ExcelHost([newSheet('A')]);
    await excel.run({}, async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      const missing = sheets.getItemOrNullObject('Nope');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(typeof officeClient().Excel.run).toBe('function');
  });
});
