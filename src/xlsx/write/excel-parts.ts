/**
 * The parts of the package ExcelJS writes for a workbook, as text, without the zip.
 *
 * ExcelJS's writeBuffer renders each part and hands it to JSZip, which deflates it in JavaScript (pako); the
 * charts then had to be added by unzipping that package again and deflating it a second time. Rendering a
 * program-scale workbook spent more CPU in those two zips than in ExcelJS's own XML. So the parts are taken
 * before any zip: writeBuffer's own steps, in its order (lib/xlsx/xlsx.js, XLSX#write: shared strings and
 * styles are only complete after the worksheets are rendered), with a collector in place of its zip stream.
 *
 * These steps are ExcelJS internals, outside its typings; the exceljs version is pinned in package-lock.json.
 * If an upgrade renames one, the render fails at once with XLSX_WRITER naming it (tests/xlsx cover every
 * render), rather than writing a package with a part missing.
 */
import type ExcelJS from 'exceljs';

/** What ExcelJS's XLSX steps are given as their zip: only `append` is called (no media in our workbooks). */
interface PartSink {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: PartSink, model: unknown) => unknown;

/** XLSX#write's steps, in its order; prepareModel first. */
const STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings', // after the worksheets, which fill the shared-string table
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

interface XlsxInternals {
  prepareModel(model: unknown, options: object): void;
}

function internal(xlsx: object, name: string): (...args: unknown[]) => unknown {
  const fn = (xlsx as Record<string, unknown>)[name];
  if (typeof fn !== 'function') {
    throw new Error(`XLSX_WRITER: this version of ExcelJS has no XLSX.${name}, which the writer takes the workbook's parts from; reinstall the exceljs version in package-lock.json`);
  }
  return fn as (...args: unknown[]) => unknown;
}

/**
 * Path -> text of every part, in the order ExcelJS writes them ([Content_Types].xml first). The texts are the
 * ones writeBuffer would zip, byte for byte.
 */
export async function excelParts(wb: ExcelJS.Workbook): Promise<Map<string, string>> {
  const xlsx = wb.xlsx as unknown as XlsxInternals;
  const steps = STEPS.map((name) => internal(xlsx, name) as Step);
  const prepare = internal(xlsx, 'prepareModel');
  const parts = new Map<string, string>();
  const sink: PartSink = {
    append(data, options) {
      if (typeof data !== 'string' || options.base64) {
        throw new Error(`XLSX_WRITER: ExcelJS wrote ${options.name} as binary data; the writer only packs text parts (the roll-up writes no images)`);
      }
      parts.set(options.name, data);
    },
  };
  // The same model and options writeBuffer() builds (shared strings and styles on, the defaults).
  const model = (wb as unknown as { model: unknown }).model;
  prepare.call(xlsx, model, {});
  for (const step of steps) await step.call(xlsx, sink, model);
  return parts;
}
