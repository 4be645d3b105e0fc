/**
 * Writes the corpus look-alikes under tests/corpus/files/: one workbook per real third-party workbook whose
 * licence does not let us redistribute it (see SOURCES.md for each origin). Each look-alike keeps the origin's
 * *pattern* (sheet names, headings in the same language and place, title cells, timeline cells in the header
 * rows, phase rows, WBS codes, date text formats, blank template rows, lists under the table) and replaces the
 * task content with our own, so the reader meets the same shapes without us shipping anyone's file.
 *
 * The truths in tests/corpus/truth/ were written by hand from these cells (dump them with dump-cells.ts).
 * Changing a row here means re-checking its truth by hand.
 *
 *   npx tsx tests/corpus/make-lookalikes.ts
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

type Cell = string | number | Date | boolean | null;
const OUT = join(__dirname, 'files');
/** Fixed document dates so regenerating a file changes only what the rows change. */
const STAMP = new Date(Date.UTC(2026, 0, 1));

/** "2026-03-02" (and an optional hour) -> a UTC Date, which ExcelJS writes as a serial. */
function d(iso: string, hours = 0): Date {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day) + Math.round(hours * 60) * 60000);
}

/** Writes `cells` into the row `row` from column `fromCol` (1 = A); null leaves a cell blank. */
function put(ws: ExcelJS.Worksheet, row: number, cells: Cell[], fromCol = 1): void {
  cells.forEach((v, i) => {
    if (v === null) return;
    const cell = ws.getCell(row, fromCol + i);
    cell.value = v;
    if (v instanceof Date) cell.numFmt = v.getUTCHours() || v.getUTCMinutes() ? 'dd/mm/yyyy hh:mm' : 'yyyy-mm-dd';
  });
}

/** Column letters -> 1-based index ("A" -> 1, "AA" -> 27). */
function col(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Program Rollup corpus';
  wb.created = STAMP;
  wb.modified = STAMP;
  return wb;
}

/**
 * Writes the workbook with every zip entry stamped with STAMP, so the same rows give the same bytes and the
 * sha256 in SOURCES.md stays true when the script is run again.
 */
async function save(wb: ExcelJS.Workbook, name: string): Promise<void> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const fixed = new JSZip();
  for (const path of Object.keys(zip.files).sort()) {
    const entry = zip.files[path];
    if (!entry.dir) fixed.file(path, await entry.async('uint8array'), { date: STAMP, createFolders: false });
  }
  await writeFile(join(OUT, name), await fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  console.log(`wrote ${name}`);
}

/** Day-of-week letters under a daily timeline, as Gantt templates print them. */
function dayLetters(letters: string[], days: number): string[] {
  return Array.from({ length: days }, (_, i) => letters[i % letters.length]);
}

/** Consecutive daily serial dates from `start`, the second header row of daily Gantt templates. */
function days(start: string, n: number): Date[] {
  const s = d(start).getTime();
  return Array.from({ length: n }, (_, i) => new Date(s + i * 86400000));
}

// ------------------------------------------------------------------------------------------------ workbooks

/** Look-alike of alopezrivera/gantt.xlsx: week numbers above the headings, codes by level, milestones without a code. */
async function enGanttWeekCodes(): Promise<void> {
  const wb = book();
  const guide = wb.addWorksheet('user guide');
  put(guide, 2, [null, 'Gantt Chart Template\nWith automatic Gantt plot, delay highlighting and task hierarchy']);
  put(guide, 5, [null, null, 'MILESTONE', 1, 'Block', '1.1', 'Task', '1.1.1', 'Subtask']);
  const ws = wb.addWorksheet('plan');
  put(ws, 2, [null, null, 'Start date', d('2026-03-02')]);
  put(ws, 3, [null, null, 'End date', d('2026-04-17')]);
  put(ws, 4, Array.from({ length: 7 }, (_, i) => 10 + i), col('K'));
  put(ws, 5, ['HOME RENOVATION PLAN', 'TASK', null, 'DAYS EXPECTED', null, 'DAYS DONE', null, 'BUDGET DEVIATION', 'START', 'END', 'CALENDAR']);
  put(ws, 6, ['MAR', null, null, null, 'APR'], col('K'));
  const rows: Cell[][] = [
    [null, null, 'MILESTONE: CONTRACT SIGNED', null, null, null, null, null, d('2026-03-02'), d('2026-03-02'), 0],
    [null, 1, 'Demolition', 6, null, 6, null, 0, d('2026-03-02'), d('2026-03-10'), 1, 1],
    [null, '1.1', 'Strip kitchen', 3, null, 3, null, 0, d('2026-03-02'), d('2026-03-05'), 2],
    [null, '1.2', 'Remove old flooring', 3, null, 4, null, 0.33, d('2026-03-05'), d('2026-03-10'), 2, -1],
    [null, 2, 'Rough-in works', 10, null, null, null, null, d('2026-03-10'), d('2026-03-24'), null, 1, 1],
    [null, '2.1', 'Electrical rough-in', 5, null, null, null, null, d('2026-03-10'), d('2026-03-17'), null, 2],
    [null, '2.1.1', 'Rewire kitchen circuits', null, 3, null, 2, -0.33, d('2026-03-10'), d('2026-03-13'), null, 3],
    [null, '2.1.2', 'Install new panel', null, 2, null, null, null, d('2026-03-13'), d('2026-03-17'), null, 3],
    [null, '2.2', 'Plumbing rough-in', 5, null, null, null, null, d('2026-03-17'), d('2026-03-24'), null, null, 2],
    [null, null, 'MILESTONE: ROUGH-IN INSPECTION', null, null, null, null, null, d('2026-03-24'), d('2026-03-24'), null, null, 0],
    [null, 3, 'Finishes', 12, null, null, null, null, d('2026-03-25'), d('2026-04-10'), null, null, null, 1, 1],
    [null, '3.1', 'Drywall and paint', 6, null, null, null, null, d('2026-03-25'), d('2026-04-02'), null, null, null, 2],
    [null, '3.2', 'Cabinets and counters', 6, null, null, null, null, d('2026-04-02'), d('2026-04-10'), null, null, null, null, 2],
    [null, null, 'MILESTONE: HANDOVER', null, null, null, null, null, d('2026-04-13'), d('2026-04-13'), null, null, null, null, null, 0],
  ];
  rows.forEach((r, i) => put(ws, 7 + i, r));
  await save(wb, 'en-gantt-weekcodes.xlsx');
}

/** Look-alike of lucagubler/BA-Projektplan: title cell, Vertex42 headings, phase title rows in column A, "Mn:" milestones. */
async function deProjektplan(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Projektplan');
  put(ws, 3, ['Projekt Aufgaben Vereinsverwaltung']);
  put(ws, 5, ['* = an automatically calculated cell']);
  put(ws, 6, [null, 'TASK NAME', 'START DATE', 'END DATE', 'START ON DAY*', 'DURATION* (WORK DAYS)', 'PERCENT COMPLETE']);
  const rows: Cell[][] = [
    ['Inception'],
    [null, 'M0: Kickoff', d('2026-01-12'), d('2026-01-12'), 0, 1, 1],
    [null, 'Anforderungen erfassen', d('2026-01-13'), d('2026-01-16'), 1, 4, 1],
    [null, 'Projektplan erstellen', d('2026-01-14'), d('2026-01-20'), 2, 5, 1],
    [null, 'M1: Abschluss Projektplan', d('2026-01-21'), d('2026-01-21'), 9, 1, 1],
    ['Elaboration'],
    [null, 'Mockups erstellen', d('2026-01-22'), d('2026-01-30'), 10, 7, 0.5],
    [null, 'Datenbankschema planen', d('2026-01-22'), d('2026-01-28'), 10, 5, 0.25],
    [null, 'Architektur planen', d('2026-01-29'), d('2026-02-04'), 17, 5, 0],
    [null, 'M2: End of Elaboration', d('2026-02-05'), d('2026-02-05'), 24, 1, 0],
    ['Construction'],
    [null, 'Vereinsmitglieder verwalten', d('2026-02-06'), d('2026-02-26'), 25, 15, 0],
    [null, 'Beiträge abrechnen', d('2026-02-06'), d('2026-02-26'), 25, 15, 0],
    [null, 'Termine planen', d('2026-02-27'), d('2026-03-16'), 46, 12, 0],
    [null, 'M3: Feature Freeze', d('2026-03-16'), d('2026-03-16'), 63, 1, 0],
    ['Transition'],
    [null, 'Dokumentation abschliessen', d('2026-03-17'), d('2026-03-27'), 64, 9, 0],
    [null, 'M4: Projektende', d('2026-03-27'), d('2026-03-27'), 74, 1, 0],
  ];
  rows.forEach((r, i) => put(ws, 8 + i, r));
  await save(wb, 'de-projektplan-phasen.xlsx');
}

/** Look-alike of F2C-Development/Cronograma: Portuguese headings, week dates and weekday letters beside them, phase rows, Feriados and Dicionário sheets. */
async function ptCronogramaSemanas(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Cronograma');
  put(ws, 1, ['Horta Comunitária']);
  put(ws, 2, ['Cronograma']);
  put(ws, 3, ['Início do projeto:', null, d('2026-03-02')], col('D'));
  put(ws, 4, ['Semana de exibição:', null, 1], col('D'));
  for (let w = 0; w < 5; w++) put(ws, 4, [days('2026-03-02', 35)[w * 7]], col('J') + w * 7);
  put(ws, 5, days('2026-03-02', 35), col('J'));
  put(ws, 6, ['TAREFA', 'ATRIBUÍDO\nPARA', 'PROGRESSO', 'STATUS', 'TEMPO DE EXECUÇÃO (Dias úteis)', 'INÍCIO', 'TÉRMINO', null, 'DIAS']);
  put(ws, 6, dayLetters(['s', 't', 'q', 'q', 's', 's', 'd'], 35), col('J'));
  const rows: Cell[][] = [
    ['Fase 1 (Preparação)'],
    ['Levantamento do terreno', 'Ana, Rui', 1, null, 2, d('2026-03-02'), d('2026-03-03'), null, 2],
    ['Orçamento de materiais', 'Ana, Rui', 1, null, 1, d('2026-03-04'), d('2026-03-04'), null, 1],
    ['Compra de sementes', 'Rui', 0.5, null, 3, d('2026-03-05'), d('2026-03-09'), null, 5],
    ['Fase 2 (Construção)'],
    ['Montagem dos canteiros', 'Ana, Rui', 0, null, 5, d('2026-03-10'), d('2026-03-16'), null, 7],
    ['Sistema de irrigação', 'Rui', 0, null, 4, d('2026-03-17'), d('2026-03-20'), null, 4],
    ['Compostagem', 'Ana', 0, null, 2, d('2026-03-23'), d('2026-03-24')],
    ['Fase 3 (Plantio)'],
    ['Plantio inicial', 'Ana, Rui', 0, null, 3, d('2026-03-25'), d('2026-03-27')],
    ['Inauguração', 'Ana, Rui', 0, null, 1, d('2026-03-30'), d('2026-03-30')],
  ];
  rows.forEach((r, i) => put(ws, 8 + i, r));
  const dic = wb.addWorksheet('Dicionário');
  put(dic, 1, ['Prioridade', 'Identificador', 'Tarefa ', 'Seção', 'Requisito', 'Prazo estimado  (em dias úteis)', 'Descrição']);
  put(dic, 2, [1, 1, 'Mapa de canteiros', 'Planejamento', '-', 1, 'Desenhar a divisão dos lotes']);
  put(dic, 3, [2, 4, 'Cadastro de voluntários', 'Comunidade', '-', 3, 'Planilha de contatos e turnos']);
  put(dic, 4, [3, 7, 'Escala de rega', 'Operação', '1,4', 2, 'Turnos semanais de rega']);
  const fer = wb.addWorksheet('Feriados');
  put(fer, 1, ['Data']);
  [d('2026-04-03'), d('2026-04-21'), d('2026-05-01')].forEach((h, i) => put(fer, 2 + i, [h]));
  await save(wb, 'pt-cronograma-semanas.xlsx');
}

/** Look-alike of hongdt/gestion-de-projet WBS.xlsx: Level column, numeric and text WBS codes, dd/mm/yyyy text dates (one Excel turned into a m/d serial). */
async function frWbsNiveaux(): Promise<void> {
  const wb = book();
  wb.addWorksheet('Introduction');
  const ws = wb.addWorksheet('WBS Detail');
  put(ws, 1, ['Level', 'WBS Code', 'Task', 'Best Case Estimate a ', 'Most Likely Estimate m', 'Worst Case Estimate b', 'E Value ', 'SD Value', 'Begin date', 'End date', 'Duration', 'Input', 'Output']);
  const rows: Cell[][] = [
    [1, 0, 'Définition des besoins', null, null, null, null, null, '02/03/2026', '06/03/2026', 5, 'Cahier des charges', "Document d'analyse"],
    [2, 0.1, 'Étudier les besoins du client', 1, 2, 3, 2, 0.33, '02/03/2026', '03/03/2026', 2],
    [2, 0.2, "Étudier l'existant", 1, 2, 3, 2, 0.33, '04/03/2026', '05/03/2026', 2],
    [2, 0.3, 'Rédiger le document v1', 0.5, 1, 2, 1.08, 0.25, '06/03/2026', '06/03/2026', 1],
    [1, 1, 'Conception', null, null, null, null, null, '09/03/2026', '20/03/2026', 10, "Document d'analyse", 'Document de conception'],
    [2, 1.1, 'Concevoir les classes', 2, 3, 4, 3, 0.33, '09/03/2026', '11/03/2026', 3],
    [2, 1.2, 'Concevoir la base de données', 2, 3, 4, 3, 0.33, '10/03/2026', '12/03/2026', 3],
    [2, 1.3, 'Concevoir les écrans', null, null, null, null, null, '13/03/2026', '20/03/2026', 6],
    [3, '1.3.1', '       Connexion', 0.5, 1, 1.5, 1, 0.17, '13/03/2026', '13/03/2026', 1],
    [3, '1.3.2', '       Réservation', 1, 2, 3, 2, 0.33, '16/03/2026', '17/03/2026', 2],
    [3, '1.3.10', '       Tableau de bord', 2, 3, 4, 3, 0.33, '18/03/2026', '20/03/2026', 3],
    // "03/04/2026" typed on a US-locale Excel became 4 March: the serial in J is that conversion, as in the origin.
    [1, 2, 'Implémentation', null, null, null, null, null, '23/03/2026', d('2026-03-04'), 10, 'Document de conception', 'Code + tests'],
    [2, 2.1, 'Créer la base de données', 1, 2, 3, 2, 0.33, '23/03/2026', '24/03/2026', 2],
    [2, 2.2, 'Coder les fonctions', 6, 8, 12, 8.33, 1, '25/03/2026', '03/04/2026', 8],
  ];
  rows.forEach((r, i) => put(ws, 2 + i, r));
  wb.addWorksheet('COSMIC');
  await save(wb, 'fr-wbs-niveaux.xlsx');
}

/** Look-alike of Yuji-Kamiya/wbs: 予定/実績 two-row heading, daily date cells in both heading rows, numbered blank rows below. */
async function jaWbsYoteiJisseki(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('WBS');
  put(ws, 1, ['WBS']);
  const timeline = days('2026-04-01', 40);
  put(ws, 2, timeline, col('M'));
  put(ws, 3, [null, '#', '大項目', '中項目', '小項目', 'ステータス', '担当者', null, '予定', null, '実績', null]);
  put(ws, 3, timeline, col('M'));
  put(ws, 4, ['開始日', '終了日', '開始日', '終了日'], col('I'));
  put(ws, 4, timeline, col('M'));
  const rows: Cell[][] = [
    [1, '設計', '画面設計', null, '完了', '開発部', '佐藤', d('2026-04-01'), d('2026-04-10'), d('2026-04-01'), d('2026-04-09')],
    [2, '設計', 'DB設計', null, '完了', '開発部', '鈴木', d('2026-04-06'), d('2026-04-15'), d('2026-04-06'), d('2026-04-16')],
    [3, '設計', 'API設計', null, '対応中', '開発部', '高橋', d('2026-04-13'), d('2026-04-24'), d('2026-04-14')],
    [4, '開発', '画面実装', null, '対応中', '開発部', '佐藤', d('2026-04-20'), d('2026-05-15'), d('2026-04-21')],
    [5, '開発', 'API実装', null, '未着手', '開発部', '高橋', d('2026-04-27'), d('2026-05-22')],
    [6, '開発', '結合', null, '未着手', '開発部', '鈴木', d('2026-05-25'), d('2026-05-29')],
    [7, 'テスト', '総合テスト', null, '未着手', '品質部', '田中', d('2026-06-01'), d('2026-06-12')],
    [8, 'テスト', 'リリース判定', null, '未着手', '品質部', '田中', d('2026-06-15'), d('2026-06-15')],
  ];
  rows.forEach((r, i) => put(ws, 5 + i, r, col('B')));
  // Numbered rows with nothing else, as the origin's template leaves them for tasks not yet written.
  for (let n = 9; n <= 30; n++) put(ws, 4 + n, [n], col('B'));
  await save(wb, 'ja-wbs-yotei-jisseki.xlsx');
}

/** Look-alike of kingsrf/PMtools GanttChart.xlsx: title block, WBS NUMBER / TASK TITLE / Dependencies (WBS #), PHASE and WEEK rows, weekday letters; a WBS list sheet. */
async function enPlaygroundWbs(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('GanttChart');
  put(ws, 4, [null, 'PROJECT TITLE\n\n', null, 'School Playground Upgrade']);
  put(ws, 5, [null, 'PROJECT MANAGER', null, 'Priya Nair']);
  put(ws, 8, [null, 'WBS NUMBER', 'TASK TITLE', 'Dependencies (WBS #)', 'START DATE', 'DUE DATE', 'DURATION', '% OF TASK COMPLETE']);
  ['PHASE 1', 'PHASE 2', 'PHASE 3'].forEach((p, i) => put(ws, 8, [p], col('I') + i * 15));
  for (let w = 0; w < 9; w++) put(ws, 9, [`WEEK ${w + 1}`], col('I') + w * 5);
  put(ws, 10, dayLetters(['M', 'T', 'W', 'TH', 'F'], 45), col('I'));
  const rows: Cell[][] = [
    [1.1, 'Phase: Design & Approval', null, null, -1],
    ['1.1.1', 'Survey current playground', null, d('2026-06-01'), d('2026-06-05'), 5, 1],
    ['1.1.2', 'Gather parent & pupil input', '1.1.1', d('2026-06-08'), d('2026-06-12'), 5, 1],
    ['1.1.3', 'Draft layout options', '1.1.2', d('2026-06-15'), d('2026-06-19'), 5, 0.8],
    ['1.1.4', 'Governors approve design', '1.1.3', d('2026-06-22'), d('2026-06-22'), 1, 0],
    [1.2, 'Phase: Procurement', null, null, -1],
    ['1.2.1', 'Request supplier quotes', '1.1.4', d('2026-06-23'), d('2026-06-30'), 6, 0],
    ['1.2.2', 'Order equipment & surfacing', '1.2.1', d('2026-07-01'), d('2026-07-03'), 3],
    ['1.2.3', 'Book installation contractor', '1.2.1 & 1.1.4', d('2026-07-01'), d('2026-07-02'), 2],
    [1.3, 'Phase: Installation', null, null, -1],
    ['1.3.1', 'Remove old equipment', '1.2.3', d('2026-07-20'), d('2026-07-22'), 3],
    ['1.3.2', 'Lay safety surfacing', '1.3.1 & 1.2.2', d('2026-07-23'), d('2026-07-29'), 5],
    ['1.3.3', 'Install climbing frame', '1.3.2', d('2026-07-30'), d('2026-08-05'), 5],
    ['1.3.4', 'Safety inspection', '1.3.3', d('2026-08-06'), d('2026-08-06'), 1],
    ['1.3.5', 'Opening day', '1.3.4', d('2026-08-10'), d('2026-08-10'), 1],
  ];
  rows.forEach((r, i) => put(ws, 11 + i, r, col('B')));
  const list = wb.addWorksheet('WBS');
  put(list, 1, ['WBS #', 'Phase', 'Task Name']);
  put(list, 2, [1, 'Project', 'School Playground Upgrade (3-Month Build)']);
  put(list, 3, [1.1, 'Design & Approval', 'Phase 1 Total']);
  put(list, 4, ['1.1.1', 'Design & Approval', 'Survey current playground']);
  put(list, 5, [1.2, 'Procurement', 'Phase 2 Total']);
  put(list, 6, ['1.2.1', 'Procurement', 'Request supplier quotes']);
  await save(wb, 'en-playground-wbs.xlsx');
}

/** Look-alike of the Google Project Management course plan (Burhanudin26): title, Task/Notes/Start Date/Due Date, Status as a fraction, PHASE/WEEK/day rows; side sheets that are not schedules. */
async function enCourseProjectPlan(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Tasks and Timeline');
  put(ws, 1, ['Food Truck Launch Project Plan']);
  put(ws, 4, ['Task', 'Notes', 'Start Date', 'Due Date', 'Duration', 'Task Owner', 'Status']);
  ['PHASE ONE', 'PHASE TWO', 'PHASE THREE'].forEach((p, i) => put(ws, 4, [p], col('H') + i * 15));
  for (let w = 0; w < 9; w++) put(ws, 5, [`WEEK ${w + 1}`], col('H') + w * 5);
  put(ws, 6, dayLetters(['M', 'T', 'W', 'R', 'F'], 45), col('H'));
  const rows: Cell[][] = [
    ['Research permits and licences', null, d('2026-01-05'), d('2026-01-09'), 4, 'Dana', 1],
    ['Book health inspection', null, d('2026-01-12'), d('2026-01-12'), 0, 'Dana', 1],
    ['Compare truck vendors', null, d('2026-01-12'), d('2026-01-16'), 4, 'Luis', 1],
    ['Sign truck purchase agreement', null, d('2026-01-19'), d('2026-01-19'), 0, 'Luis', 1],
    ['Design menu', 'Waiting on the chef for final prices', d('2026-01-19'), d('2026-01-23'), 4, 'Mei', 0.5],
    ['Source suppliers', null, d('2026-01-26'), d('2026-01-30'), 4, 'Mei', 0],
    ['Brand and wrap the truck', null, d('2026-02-02'), d('2026-02-06'), 4, 'Luis', 0],
    ['Hire and train staff', null, d('2026-02-02'), d('2026-02-13'), 11, 'Dana', 0],
    ['Soft launch', null, d('2026-02-16'), d('2026-02-16'), 0, 'Dana', 0],
  ];
  rows.forEach((r, i) => put(ws, 7 + i, r));
  const brain = wb.addWorksheet('Task Brainstorm');
  put(brain, 1, ['Task Brainstorm']);
  put(brain, 2, ['Task', 'Notes', 'Estimated Duration \n(Days)', 'Optimistic ', 'Most Likely', 'Pessimistic ', 'Confidence Rating\n(H/M/L)', 'Known Dates']);
  put(brain, 5, ['Research permits and licences', null, 4, 2, 4, 8, 'M']);
  put(brain, 6, ['Design menu', null, 4, 3, 4, 7, 'L']);
  const res = wb.addWorksheet('Additional Resources ');
  put(res, 1, ['Additional Resources']);
  put(res, 2, ['Title', 'Link', 'Date Added', 'Notes']);
  put(res, 5, ['Street food permit guide', 'https://example.org/permits', d('2026-01-02'), 'City rules for mobile vendors']);
  put(res, 6, ['Food truck insurance basics', 'https://example.org/insurance', d('2026-01-02'), 'What cover is required']);
  const qual = wb.addWorksheet('Quality and Evaluation');
  put(qual, 3, ['Category', 'Criteria/Description', 'Evaluation Questions', 'Evaluation Indicators', 'Criteria Met?']);
  put(qual, 4, ['Customer satisfaction', 'Order time under 5 min', 'How can we serve faster?', 'Ticket times', false]);
  await save(wb, 'en-course-project-plan.xlsx');
}

/** Look-alike of MoniqueRibasz/CPM Cronograma.xlsx (an MS Project export, pt): no ID column, predecessors are MS Project IDs (row order), Unique ID and WBS columns, Summary Yes/No, hours with times of day. */
async function ptMsProjectExport(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('CRONOGRAMA A1');
  put(ws, 1, ['% Complete', 'Tipo', 'LOTO', 'Activity', 'Nº OS', 'Task Name', 'Local', 'Decrição do Local', 'Duration', 'NewDuration', 'Start', 'Finish', 'Predecessors', 'Successors', 'Resource Names', 'Disciplina', 'Task Mode', 'Unique ID', 'WBS', 'Summary']);
  const rows: Cell[][] = [
    [0.4, null, null, null, '-', 'Parada geral MP3', null, null, 34, 'hrs', d('2026-07-20', 6), d('2026-07-21', 11), null, null, null, null, 'Auto Scheduled', 3001, '1', 'Yes'],
    [0.8, null, null, null, '-', '   Preparação', null, null, 9, 'hrs', d('2026-07-20', 6), d('2026-07-20', 15), null, null, null, null, 'Auto Scheduled', 3002, '1.1', 'Yes'],
    [1, 'PM', 'SIM', null, 7631398, '      Bloquear energia (LOTO)', '43.SIST.1008', 'SISTEMA DE VÁCUO MP3', 2, 'hrs', d('2026-07-20', 6), d('2026-07-20', 8), null, '4', 'ELÉTRICA', 'ELÉTRICA A1', 'Manually Scheduled', 2971, '1.1.1', 'No'],
    [1, null, null, null, '-', '      Drenar tanques', null, null, 3, 'hrs', d('2026-07-20', 8), d('2026-07-20', 11), '3', '5', 'OPERAÇÃO', 'OPERAÇÃO A1', 'Manually Scheduled', 3029, '1.1.2', 'No'],
    [0.5, null, null, null, '-', '      Lavar linhas', null, null, 4, 'hrs', d('2026-07-20', 11), d('2026-07-20', 15), '4', '7;8', 'OPERAÇÃO', 'OPERAÇÃO A1', 'Manually Scheduled', 3030, '1.1.3', 'No'],
    [0, null, null, null, '-', '   Manutenção', null, null, 19, 'hrs', d('2026-07-20', 15), d('2026-07-21', 9.6667), null, null, null, null, 'Auto Scheduled', 3003, '1.2', 'Yes'],
    [0, 'TB02', null, null, 7616684, '      Trocar válvula de vácuo', '43.PCV.6050', 'VALV CTROL VACUO', 2, 'hrs', d('2026-07-20', 15), d('2026-07-20', 17), '5', '11', 'SOLVE VALVULAS', 'INSTRUMENTAÇÃO A1', 'Manually Scheduled', 4544, '1.2.1', 'No'],
    [0, 'TB02', null, null, 7510522, '      Troca de correias', '43.93.32', 'BBA VACUO 5', 3, 'hrs', d('2026-07-21', 6), d('2026-07-21', 9), '5', '9', 'MEC EP 5', 'MECÂNICA A1', 'Manually Scheduled', 4545, '1.2.2', 'No'],
    [0, 'PM', null, null, 7601634, '      Lubrificar acoplamentos', '43.95.73', 'RED BBA VACUO 8', 40, 'mins', d('2026-07-21', 9), d('2026-07-21', 9.6667), '8', '11', 'LUBRIFICAÇÃO', 'LUBRIFICAÇÃO A1', 'Manually Scheduled', 4546, '1.2.3', 'No'],
    [0, null, null, null, '-', '   Partida', null, null, 1, 'hr', d('2026-07-21', 10), d('2026-07-21', 11), null, null, null, null, 'Auto Scheduled', 3004, '1.3', 'Yes'],
    [0, null, null, null, '-', '      Encher tanques de água', null, null, 1, 'hr', d('2026-07-21', 10), d('2026-07-21', 11), '7;9', '12', 'OPERAÇÃO', 'OPERAÇÃO A1', 'Manually Scheduled', 3016, '1.3.1', 'No'],
    [0, null, null, null, '-', '      Folha na enroladeira', null, null, 0, 'hrs', d('2026-07-21', 11), d('2026-07-21', 11), '11', null, 'OPERAÇÃO', 'OPERAÇÃO A1', 'Manually Scheduled', 3028, '1.3.2', 'No'],
  ];
  rows.forEach((r, i) => put(ws, 2 + i, r));
  await save(wb, 'pt-msproject-export.xlsx');
}

/** Look-alike of chennxL/SoftwareProjectManagement 进度计划表.xlsx: title block, phase group row over 开始时间/结束时间 pairs, module in a group cell, yyyy/m/d text dates (one impossible). */
async function zhJinduJihua(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Sheet1');
  put(ws, 1, ['项目名称', null, '校园一卡通系统', null, null, null, '公司名称', null, 'BIT']);
  put(ws, 2, ['项目负责人', null, '王敏', null, null, null, '日期', null, d('2026-02-25')]);
  put(ws, 3, ['模块', '子模块', '需求', null, '设计', null, '开发', null, '测试', null, '试运行']);
  put(ws, 4, [null, null, ' 开始时间', '结束时间', '开始时间', '结束时间', '开始时间', '结束时间', '开始时间', '结束时间', '开始时间', '结束时间']);
  const rows: Cell[][] = [
    ['用户管理', '账号注册', d('2026-03-02'), d('2026-03-13'), d('2026-03-16'), d('2026-03-27'), d('2026-03-30'), d('2026-04-24'), d('2026-04-27'), d('2026-05-08'), d('2026-05-11'), d('2026-05-29')],
    [null, '权限配置', d('2026-03-02'), d('2026-03-13'), d('2026-03-16'), d('2026-03-27'), d('2026-03-30'), '2026/4/30', d('2026-05-04'), d('2026-05-15'), d('2026-05-18'), d('2026-06-05')],
    [null, '密码找回', d('2026-03-04'), d('2026-03-13'), d('2026-03-16'), d('2026-03-20'), d('2026-03-23'), d('2026-04-10'), d('2026-04-13'), d('2026-04-24'), d('2026-05-11'), d('2026-05-29')],
    ['消费管理', '食堂消费', d('2026-03-09'), d('2026-03-20'), d('2026-03-23'), d('2026-04-03'), d('2026-04-06'), d('2026-05-08'), d('2026-05-11'), d('2026-05-22'), d('2026-05-25'), d('2026-06-12')],
    [null, '超市消费', d('2026-03-09'), d('2026-03-20'), d('2026-03-23'), d('2026-04-03'), d('2026-04-06'), '2026/4/31', d('2026-05-11'), d('2026-05-22'), d('2026-05-25'), d('2026-06-12')],
    [null, '充值退款', d('2026-03-11'), d('2026-03-20'), d('2026-03-23'), '2026/4/3', '2026/4/6', d('2026-05-01'), d('2026-05-04'), d('2026-05-15'), d('2026-05-25'), d('2026-06-12')],
    ['数据统计', '消费报表', d('2026-03-16'), d('2026-03-27'), d('2026-03-30'), d('2026-04-10'), d('2026-04-13'), d('2026-05-15'), d('2026-05-18'), d('2026-05-29'), d('2026-06-01'), d('2026-06-19')],
    [null, '异常预警', d('2026-03-16'), d('2026-03-27'), d('2026-03-30'), d('2026-04-10'), d('2026-04-13'), d('2026-05-22'), d('2026-05-25'), d('2026-06-05'), d('2026-06-08'), d('2026-06-26')],
  ];
  rows.forEach((r, i) => put(ws, 5 + i, r));
  ws.mergeCells('C3:D3');
  ws.mergeCells('E3:F3');
  ws.mergeCells('G3:H3');
  ws.mergeCells('I3:J3');
  ws.mergeCells('K3:L3');
  await save(wb, 'zh-jindu-jihua.xlsx');
}

/** Look-alike of Fcomguerrero/TFG (Vertex42 "Diagrama de Gantt" in Spanish): instructions in column A, week dates and day letters beside TAREA/PROGRESO/INICIO/FIN, phase rows, an "L" sub-task block, end-of-schedule rows. */
async function esVertexGantt(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('CalendarioProyecto');
  put(ws, 1, ['Cree una programación para un proyecto en esta hoja de cálculo.\nEscriba el título de este proyecto en la celda B1.', 'Estación meteorológica escolar']);
  put(ws, 2, ['Escriba el nombre de la compañía en la celda B2.', 'Instituto Río Verde']);
  put(ws, 3, ['Escriba el nombre del responsable del proyecto en la celda B3.', 'Lucía Ortega', 'Inicio del proyecto:', null, d('2026-02-09')]);
  put(ws, 4, ['La Semana para mostrar en la celda E4 representa la semana inicial.', null, 'Semana para mostrar:', null, 1]);
  for (let w = 0; w < 6; w++) put(ws, 4, [days('2026-02-09', 42)[w * 7]], col('I') + w * 7);
  put(ws, 5, ['Las celdas I5 a BL5 contienen el número de días de la semana.']);
  put(ws, 5, days('2026-02-09', 42), col('I'));
  put(ws, 6, ['Esta fila contiene los encabezados de la programación del proyecto.', 'TAREA', 'ASIGNADO A', 'PROGRESO', 'INICIO', 'FIN', null, 'DÍAS']);
  put(ws, 6, dayLetters(['l', 'm', 'm', 'j', 'v', 's', 'd'], 42), col('I'));
  put(ws, 7, ['No elimine esta fila. Esta fila está oculta para conservar una fórmula que se usa para resaltar el día actual.']);
  const rows: Cell[][] = [
    [null, 'Análisis'],
    ['La celda B9 contiene la tarea de ejemplo "Tarea 1".', 'Requisitos de la estación', 'Lucía', 1, d('2026-02-10'), d('2026-02-13'), null, 4],
    [null, 'Selección de sensores', 'Marcos', 1, d('2026-02-16'), d('2026-02-20'), null, 5],
    [null, 'Diseño'],
    [null, 'Esquema electrónico', 'Marcos', 0.5, d('2026-02-23'), d('2026-03-03'), null, 9],
    [null, 'Carcasa impresa en 3D', 'Lucía', 0.25, d('2026-02-25'), d('2026-03-06'), null, 10],
    [null, 'Implementación'],
    [null, 'Desarrollo del prototipo'],
    [null, '                                           L', 'Montaje de placa', 0, d('2026-03-09'), d('2026-03-13'), 5],
    [null, ' L', 'Programación del registro', 0, d('2026-03-16'), d('2026-03-20'), 5],
    ['Bloque de título fase de ejemplo', 'L', 'Panel web de datos', 0, d('2026-03-23'), d('2026-03-27'), 5],
    [null, 'Evaluación'],
    [null, 'Pruebas en el patio', 'Lucía', 0, d('2026-03-30'), d('2026-04-03'), null, 5],
    ['Esta es una fila vacía.'],
    ['Esta fila indica el final de la programación del proyecto. NO escriba nada en esta fila.'],
  ];
  rows.forEach((r, i) => put(ws, 8 + i, r));
  const about = wb.addWorksheet('Acerca de');
  put(about, 2, ['GRÁFICO GANTT SIMPLE']);
  put(about, 4, ['Información sobre esta plantilla']);
  await save(wb, 'es-vertex-gantt.xlsx');
}

/** Look-alike of SydanJainen/RaceUpPresentazioneAuto Risk Register.xlsx: an Italian risk register on its own, with a lookup sheet; no schedule anywhere. */
async function itRiskRegister(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Risk register');
  put(ws, 1, [null, 'Risk Register']);
  put(ws, 2, ['ID', 'Tipologia', 'Descrizione', 'Probabilità', 'Impatto', 'Livello (PxI)', 'Responsabile', 'Azione', 'Attività', 'Stato']);
  const rows: Cell[][] = [
    [null, 'Fattori esterni', 'pioggia il giorno della mostra', 'Medio', 'Alto', 'Alto', 'Giulia Ferri', 'Mitigazione', 'Prenotare la sala interna di riserva.', 'Aperto'],
    [null, 'Fattori tecnici', 'proiettore guasto', 'Basso', 'Medio', 'Medio', 'Giulia Ferri', 'Mitigazione', 'Provare il proiettore il giorno prima.', 'In risoluzione'],
    [null, 'Fattori organizzativi', 'fornitore del catering in ritardo', 'Medio', 'Medio', 'Medio', 'Paolo Riva', 'Trasferimento', 'Penale nel contratto.', 'Chiuso'],
    [null, 'Project Management', 'perdita di uno sponsor', 'Basso', 'Alto', 'Medio', 'Paolo Riva', 'Mitigazione', 'Incontri mensili con gli sponsor.', 'In risoluzione'],
    [null, 'Fattori tecnici', 'sito delle prenotazioni lento', 'Basso', 'Basso', 'Basso', 'Marco Gallo', 'Accettazione', 'Monitorare i tempi di risposta.', 'Aperto'],
  ];
  rows.forEach((r, i) => put(ws, 3 + i, r));
  const values = wb.addWorksheet('Values');
  put(values, 1, ['Probabilità', 'Impatto', 'Livello di rischio', 'Azione', 'Stato', 'RBS']);
  put(values, 2, ['Alto', 'Alto', 'Alto', 'Mitigazione', 'Aperto', 'Fattori tecnici']);
  put(values, 3, ['Medio', 'Medio', 'Medio', 'Trasferimento', 'In risoluzione', 'Fattori esterni']);
  put(values, 4, ['Basso', 'Basso', 'Basso', 'Accettazione', 'Chiuso', 'Fattori organizzativi']);
  await save(wb, 'it-risk-register.xlsx');
}

/** Look-alike of Siddhi-1993/project-viz-2026 Gantt.xlsx (a Smartsheet export): phase rows, "0" milestones, "12d" durations, predecessors as Smartsheet row numbers, one with a lag. */
async function enSmartsheetExport(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Retail Launch Gantt V2');
  put(ws, 1, ['Tasks', 'Assigned To', 'Duration', 'Start Date', 'End Date', 'Predecessors', 'Health', 'Status', 'Notes', '% Complete']);
  const rows: Cell[][] = [
    ['External Fixed Milestones', null, '21d', d('2026-09-01'), d('2026-09-29')],
    ['Trade show booth deadline', null, '0', d('2026-09-01'), d('2026-09-01')],
    ['Holiday catalogue cutoff', null, '0', d('2026-09-29'), d('2026-09-29')],
    ['PHASE 1 - Define', null, '12d', d('2026-07-06'), d('2026-07-21')],
    ['Compile product licences', 'Ana', '5d', d('2026-07-06'), d('2026-07-10'), null, 'Green', 'Complete', null, 1],
    ['Review packaging spec', 'Ben', '1d', d('2026-07-13'), d('2026-07-13'), '5', null, null, null, 1],
    ['Send artwork to agency', 'Cara', '1d', d('2026-07-13'), d('2026-07-13'), '5', null, null, null, 0.5],
    ['Translation returned', 'Dev', '3d', d('2026-07-14'), d('2026-07-16'), '6, 7', 'Yellow', 'In Progress', 'Agency short-staffed', 0.3],
    ['Confirm launch quantities', 'Ana', '4d', d('2026-07-14'), d('2026-07-17'), '5'],
    ['GATE 1 - Inputs locked', 'Ana', '0', d('2026-07-21'), d('2026-07-21'), '8, 9'],
    ['PHASE 2 - Produce', null, '20d', d('2026-07-22'), d('2026-08-18')],
    ['Print packaging', 'Ben', '10d', d('2026-07-22'), d('2026-08-04'), '10'],
    ['Ship to warehouse', 'Dev', '5d', d('2026-08-05'), d('2026-08-11'), '12'],
    ['GATE 2 - Stock received', 'Ana', '0', d('2026-08-18'), d('2026-08-18'), '13FS +4d'],
  ];
  rows.forEach((r, i) => put(ws, 2 + i, r));
  wb.addWorksheet('Comments');
  await save(wb, 'en-smartsheet-export.xlsx');
}

/** Look-alike of DIKSha-2807/Project-Scheduling: project block, week dates in the heading row and week numbers under it, stage rows; an update sheet holding the same tasks. */
async function enStageTracker(): Promise<void> {
  const wb = book();
  const tasks: [string, string, string, string, number][] = [
    ['Literature review', 'Asha', '2026-01-05', '2026-02-13', 2 / 3],
    ['Requirement spec', 'Tenzin', '2026-01-12', '2026-02-20', 1],
    ['Simulation setup', 'Ravi', '2026-01-19', '2026-02-27', 0.5],
    ['Prototype fabrication', 'Asha', '2026-03-02', '2026-04-10', 1 / 6],
    ['Measurement campaign', 'Ravi', '2026-03-16', '2026-04-24', 0],
    ['Report writing', 'Tenzin', '2026-04-27', '2026-05-22', 0],
    ['Final review', 'Meera', '2026-05-25', '2026-05-29', 0],
  ];
  const stages: [string, number][] = [['Planning Stage ', 0], ['Execution Stage', 3], ['Review Stage', 5]];
  const update = wb.addWorksheet('Task Update Sheet');
  put(update, 2, [null, 'Task', 'Project Lead', 'Start Date', 'End Date', 'Progress', 'Status']);
  const gantt = wb.addWorksheet('Gantt Chart');
  put(gantt, 2, [null, 'Project Name', 'Patch Antenna Study']);
  put(gantt, 3, [null, 'Project Start Date', d('2026-01-05')]);
  put(gantt, 4, [null, 'Current Date', d('2026-03-20')]);
  put(gantt, 5, [null, 'Weeks in Progress', 10]);
  put(gantt, 7, [null, 'Task', 'Project Lead', 'Start Date', 'End Date', 'Days', 'Progress']);
  const weeks = Array.from({ length: 22 }, (_, i) => new Date(d('2026-01-05').getTime() + i * 7 * 86400000));
  put(gantt, 7, weeks, col('H'));
  put(gantt, 8, weeks.map((_, i) => i + 1), col('H'));
  let ur = 3;
  let gr = 9;
  tasks.forEach((t, i) => {
    const stage = stages.find(([, at]) => at === i);
    if (stage) {
      put(update, ur++, [null, stage[0], null, null, null, null, 'Part 1', 'Part 2', 'Part 3']);
      put(gantt, gr++, [null, stage[0]]);
    }
    const span = (d(t[3]).getTime() - d(t[2]).getTime()) / 86400000 + 1;
    put(update, ur++, [null, t[0], t[1], d(t[2]), d(t[3]), t[4], t[4] === 1 ? 'Done' : 'Pending', t[4] > 0.5 ? 'Done' : 'Pending']);
    put(gantt, gr++, [null, t[0], t[1], d(t[2]), d(t[3]), span, t[4]]);
  });
  await save(wb, 'en-stage-tracker.xlsx');
}

/** Look-alike of JeyScientist/Project-Management Gantt Chart.xlsx: month and week date rows beside a placeholder project name, Activity/Assigned To:/%Done, a status list under the table. */
async function enActivityGantt(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Sheet1');
  const months = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'].map((m) => d(m));
  put(ws, 2, months, col('J'));
  put(ws, 3, [null, 'Project Start Date', d('2026-01-12')]);
  put(ws, 3, months, col('J'));
  put(ws, 4, [null, 'Project Name', 'Enter your Project Name', null, null, null, 'Week Starting']);
  put(ws, 4, Array.from({ length: 24 }, (_, i) => new Date(d('2026-01-05').getTime() + i * 7 * 86400000)), col('J'));
  put(ws, 5, [null, 'Activity', 'Assigned To:', 'Start', 'End', 'Days', 'Status', '%Done']);
  const rows: Cell[][] = [
    [null, 'Stakeholder interviews', 'Luke', d('2026-01-12'), d('2026-01-30'), 15, 'Complete', 1],
    [null, 'Current process map', 'John', d('2026-01-19'), d('2026-02-13'), 20, 'Complete', 1],
    [null, 'Vendor shortlist', 'James', d('2026-02-02'), d('2026-02-27'), 20, 'In progress', 0.6],
    [null, 'Pilot site setup', 'Kate', d('2026-03-02'), d('2026-03-27'), 20, 'Blocked', 0.3],
    [null, 'Pilot run', 'Michael', d('2026-03-30'), d('2026-04-24'), 20, 'Not started', 0],
    [null, 'Rollout plan', 'Anna', d('2026-04-27'), d('2026-05-15'), 15, 'Not started', 0],
    [null, 'Go-live', 'Peter', d('2026-05-18'), d('2026-05-18'), 1, 'Not started', 0],
  ];
  rows.forEach((r, i) => put(ws, 6 + i, r));
  ['status', 'Not started', 'In progress', 'Complete', 'Blocked'].forEach((s, i) => put(ws, 15 + i, [null, s]));
  await save(wb, 'en-activity-gantt.xlsx');
}

/** Look-alike of Ryutta/gantt_chart_project dx_plan_2025.xlsx: Category/Task/Start_Date/End_Date with underscores, Japanese with English glosses. */
async function jaDxPlan(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('DX Plan FY2026');
  put(ws, 1, ['Category', 'Task', 'Start_Date', 'End_Date', 'Status', 'Progress', 'Notes']);
  const rows: Cell[][] = [
    ['会議・テーマ推進', '初回打合せ (Kick-off Meeting)', d('2025-10-01'), d('2025-11-28'), 'Completed (実績)', 1, '10月～11月頃'],
    ['会議・テーマ推進', 'テーマ選定 (Theme Selection)', d('2026-01-05'), d('2026-02-27'), 'Completed', 1, '3件に絞り込み'],
    ['データ連携', '設備台帳取り込み (Asset Register Import)', d('2026-03-02'), d('2026-03-31'), 'Completed', 1, '完了済み'],
    ['データ連携', 'センサーデータ取得 (Sensor Data Acquisition)', d('2026-04-01'), d('2026-04-30'), 'In Progress', 0.4],
    ['データ連携', 'Power Automate処理', d('2026-05-01'), d('2026-05-29'), 'Planned', 0],
    ['見える化', 'ダッシュボード構築 (Dashboard Build)', d('2026-06-01'), d('2026-07-31'), 'Planned', 0],
    ['見える化', '月次レポート自動化 (Monthly Report Automation)', d('2026-08-03'), d('2026-08-31'), 'Planned', 0],
    ['その他管理項目', 'DX進捗報告 (DX Progress Report)', d('2026-04-01'), d('2027-03-31'), 'Planned', 0, '定期報告'],
  ];
  rows.forEach((r, i) => put(ws, 2 + i, r));
  await save(wb, 'ja-dx-plan.xlsx');
}

/** Look-alike of RalfNieuwenhuizen/design4health Planning.xlsx: a week-by-weekday planning grid with deliverables, not a task table. */
async function nlWeekPlanning(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Sheet1');
  put(ws, 4, [null, 'Week', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su', 'Deliverable', 'Date']);
  put(ws, 5, [null, 10, null, 'Kick-off met opdrachtgever', null, 'Interviews zorgverleners', 'Eerste schetsen', null, null, 'Plan van aanpak', d('2026-03-06')]);
  put(ws, 6, [null, null, null, null, null, 'Persona’s uitwerken']);
  put(ws, 8, [null, 11, null, 'Doelen voor de week', null, 'Documentatie afronden', 'Week evalueren', null, null, 'Ontwerpdocument', d('2026-03-13')]);
  put(ws, 11, [null, 12, null, 'Doelen voor de week', null, 'Prototype afronden', 'Week evalueren', null, null, 'Prototype', d('2026-03-20')]);
  put(ws, 14, [null, 13, 'Vakantie']);
  put(ws, 16, [null, 14, null, null, null, 'Eindpresentatie', null, null, null, 'Eindpresentatie', d('2026-04-02')]);
  put(ws, 18, [null, 'Overall todo list']);
  wb.addWorksheet('Sheet2');
  await save(wb, 'nl-week-planning.xlsx');
}

/** Look-alike of shubhamfresh1/Project-Management-Tracker-Using-Excel: title and resource blocks above, two Status columns, Deadline beside Start/End Date, session labels in column A on task rows, one m/d/yyyy text date. */
async function enPdTracker(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Sheet1');
  put(ws, 1, ['Professional Development Project Tracker']);
  put(ws, 3, ['Project Resources']);
  put(ws, 4, ['Style guide', 'https://example.org/style']);
  put(ws, 5, ['Shared drive', 'https://example.org/drive']);
  put(ws, 8, ['Project Staff']);
  put(ws, 9, ['Maya (developer)', 'Owen (developer)', 'Tom (editor)']);
  put(ws, 12, [null, 'Developer', 'Task', 'Status', 'Editor', 'Status', 'Deadline', 'Start Date', 'End Date', 'Document link']);
  put(ws, 13, ['Session 1', 'Maya', 'Facilitator guide', 'Drafting', 'Tom', 'Ready for review', d('2026-02-06'), d('2026-01-12'), d('2026-02-04'), 'https://example.org/s1-guide']);
  put(ws, 14, [null, 'Maya', 'Participant handout', 'Not started', null, null, d('2026-02-13'), d('2026-01-26')]);
  put(ws, 15, [null, 'Owen', 'Slide deck', 'Drafting', 'Tom', null, '2/20/2026', d('2026-01-26'), d('2026-02-18')]);
  put(ws, 17, ['Session 2', 'Owen', 'Facilitator guide', 'Not started', null, null, d('2026-03-06'), d('2026-02-16'), d('2026-03-04')]);
  put(ws, 18, [null, 'Owen', 'Slide deck', null, null, null, d('2026-03-13')]);
  put(ws, 20, ['Session 3']);
  put(ws, 23, ['Session 4']);
  wb.addWorksheet('Sheet2');
  await save(wb, 'en-pd-tracker.xlsx');
}

/** Look-alike of Sachin-webdev/Project-Management-Projects project_tracker.xlsx: ISO text dates, % Complete as whole numbers 0..100. */
async function enRetailTracker(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('Sheet1');
  put(ws, 1, ['Task', 'Owner', 'Start', 'End', '% Complete', 'Status']);
  const rows: Cell[][] = [
    ['Lease signing', 'PM', '2026-02-02', '2026-02-04', 100, 'Done'],
    ['Shopfitting tender', 'Procurement', '2026-02-05', '2026-02-12', 80, 'In Progress'],
    ['Shop refit', 'Construction', '2026-02-13', '2026-03-06', 40, 'In Progress'],
    ['POS install', 'IT', '2026-03-09', '2026-03-13', 0, 'Not Started'],
    ['Opening', 'Ops', '2026-03-16', '2026-03-16', 0, 'Not Started'],
  ];
  rows.forEach((r, i) => put(ws, 2 + i, r));
  await save(wb, 'en-retail-tracker.xlsx');
}

/** Look-alike of Santiperro/it-project-managment Диаграмма Ганта.xlsx: Russian stage plan on two sheets, the first with an English "End Date" heading left empty (start + duration only), the second complete. */
async function ruEtapyGantt(): Promise<void> {
  const wb = book();
  const stages: [string, string, string, number][] = [
    ['Анализ требований', '2026-02-02', '2026-02-13', 10],
    ['Проектирование интерфейса', '2026-02-16', '2026-03-06', 15],
    ['Разработка серверной части', '2026-02-23', '2026-04-17', 40],
    ['Разработка клиента', '2026-03-09', '2026-04-24', 35],
    ['Тестирование', '2026-04-27', '2026-05-15', 15],
    ['Публикация в магазине приложений', '2026-05-18', '2026-05-20', 3],
    ['Защита проекта', '2026-05-25', '2026-05-25', 1],
  ];
  const first = wb.addWorksheet('Gantt chart1');
  put(first, 1, ['Этап', 'Начало этапа', 'End Date', 'Продолжительность (дней)']);
  stages.forEach(([name, start, , days], i) => put(first, 2 + i, [name, d(start), null, days]));
  const second = wb.addWorksheet('Gantt chart2');
  put(second, 1, ['Этап', 'Начало этапа', 'Окончание этапа', 'Продолжительность (дней)']);
  stages.forEach(([name, start, end, days], i) => put(second, 2 + i, [name, d(start), d(end), days]));
  await save(wb, 'ru-etapy-gantt.xlsx');
}

/**
 * Look-alike of hayanari/genka-kanri 工程表.xlsx: several projects in one sheet, each a numbered title row with
 * its manager and dates, its tasks below as 予定 (plan) / 実施 (actual) row pairs coded n-k; a year row and a
 * daily date timeline beside the headings with weekday characters under it; note rows ("6/30検査予定")
 * and an inspection date typed in the 担当者 column, as in the origin.
 */
async function jaKoteihyoProjects(): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('工程表（プロジェクト単位）');
  const timeline = days('2026-04-05', 210);
  put(ws, 1, [null, null, '工程表（プロジェクト単位）', null, null, null, null, '開始日', d('2026-04-05'), '予定']);
  put(ws, 2, ['終了日'], col('H'));
  put(ws, 3, ['工期記入する', null, null, null, 2026], col('H'));
  put(ws, 4, [null, 'NO', 'タスク', null, '担当者', '工数', '完了数', '開始日', '完了日', 'ステータス', '進捗率']);
  timeline.forEach((t, i) => { if (i % 7 === 0) put(ws, 4, [t], col('L') + i); });
  put(ws, 5, timeline, col('L'));
  put(ws, 6, dayLetters(['日', '月', '火', '水', '木', '金', '土'], 210), col('L'));
  type Task = [string, string, number, number, string, string, string, number, number];
  const projects: { no: number; name: string; manager: string; effort: number; done: number; start: string; end: string; status: string; tasks: Task[]; tail: Cell[][] }[] = [
    {
      no: 1, name: '中央線（R8-1）管路更生工事　山田建設', manager: '佐藤　健', effort: 30, done: 30, start: '2026-04-06', end: '2026-06-26', status: '完了',
      tasks: [
        ['1-1', '事前調査', 10, 10, '2026-04-06', '2026-04-17', '完了', 1, 11],
        ['1-2', '管更生', 15, 15, '2026-04-20', '2026-06-12', '完了', 1, 14],
        ['1-3', '仕上げ', 5, 5, '2026-06-15', '2026-06-26', '完了', 1, 5],
      ],
      tail: [[null, '1-4', '6/30検査予定']],
    },
    {
      no: 2, name: '東部（R8-2）下水管改築工事　川口組', manager: '松浦　孝', effort: 60, done: 30, start: '2026-05-11', end: '2026-09-30', status: '対応中',
      tasks: [
        ['2-1', '事前調査', 20, 20, '2026-05-11', '2026-06-05', '完了', 1, 22],
        ['2-2', '事前処理', 20, 10, '2026-06-08', '2026-07-17', '対応中', 0.5, 12],
        ['2-3', '管更生', 20, 0, '2026-07-20', '2026-09-18', '未着手', 0, 0],
      ],
      tail: [[null, '2-4', '検査日', null, d('2026-09-30')]],
    },
    {
      no: 3, name: '西部（R8-5）修繕工事（№3）', manager: '吉村　卓也', effort: 12, done: 0, start: '2026-08-03', end: '2026-10-30', status: '未着手',
      tasks: [
        ['3-1', '事前調査', 6, 0, '2026-08-03', '2026-08-14', '未着手', 0, 0],
        ['3-2', '修繕', 6, 0, '2026-08-17', '2026-10-30', '未着手', 0, 0],
      ],
      tail: [[null, '3-3']],
    },
  ];
  let r = 7;
  for (const p of projects) {
    put(ws, r++, [null, p.no, p.name, null, p.manager, p.effort, p.done, d(p.start), d(p.end), p.status, p.effort ? p.done / p.effort : 0]);
    for (const [code, name, effort, done, start, end, status, pct, actual] of p.tasks) {
      const from = Math.round((d(start).getTime() - d('2026-04-05').getTime()) / 86400000);
      put(ws, r++, [p.no, code, name, '予定', null, effort, done, d(start), d(end), status, pct]);
      put(ws, r - 1, [2, 2, 2], col('L') + from);
      put(ws, r++, [null, null, null, '実施', null, actual, null, null, null, null, pct]);
      if (actual) put(ws, r - 1, [2, 3], col('L') + from);
    }
    for (const row of p.tail) put(ws, r++, row);
  }
  await save(wb, 'ja-koteihyo-projects.xlsx');
}

async function main(): Promise<void> {
  await jaKoteihyoProjects();
  await ruEtapyGantt();
  await enRetailTracker();
  await enPdTracker();
  await enGanttWeekCodes();
  await deProjektplan();
  await ptCronogramaSemanas();
  await frWbsNiveaux();
  await jaWbsYoteiJisseki();
  await enPlaygroundWbs();
  await enCourseProjectPlan();
  await ptMsProjectExport();
  await zhJinduJihua();
  await esVertexGantt();
  await itRiskRegister();
  await enSmartsheetExport();
  await enStageTracker();
  await enActivityGantt();
  await jaDxPlan();
  await nlWeekPlanning();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
