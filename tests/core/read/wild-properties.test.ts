/**
 * Properties of the reader on generated sheets (issue 10): any spelling of a known heading in any case and
 * punctuation, in any column order, with timeline cells to the right, reads the same table; and every date
 * convention a column can be typed in reads back the dates it was written from.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { readProgram } from '../../../src/core/read';
import { TASK_HEADERS } from '../../../src/core/read/vocabulary';
import { isoFromSerial } from '../../../src/core/read/cells';
import { grid, settings } from './helpers';

/** Headings for the fields every generated table has, each from the vocabulary (multilingual). */
const FIELDS = ['id', 'name', 'start', 'finish', 'percent', 'predecessors'] as const;

/** Case and punctuation a PM might use: UPPER, lower, underscores for spaces, a trailing colon, padding. */
const spelling = (name: string) =>
  fc.constantFrom(
    name,
    name.toUpperCase(),
    name.toLowerCase(),
    name.replace(/ /g, '_'),
    `${name}:`,
    `  ${name}  `,
  );

const heading = (field: (typeof FIELDS)[number]) => fc.constantFrom(...TASK_HEADERS[field]).chain(spelling);

/** Week numbers, week dates, a year or weekday letters: what Gantt templates put beside the headings. */
const timeline = fc.array(fc.oneof(fc.integer({ min: 1, max: 53 }), fc.integer({ min: 46000, max: 46400 }), fc.constant(2026), fc.constantFrom('M', 'T', 'W', 'Th', 'F')), { maxLength: 12 });

describe('headings from the vocabulary, in any spelling and order, with timeline cells beside them', () => {
  test('read the same three tasks and link', () => {
    fc.assert(
      fc.property(
        fc.tuple(...FIELDS.map(heading)),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        timeline,
        (names, order, tail) => {
          const rows: CellValue[][] = [
            ['1', 'A', 46027, 46030, 1, null],
            ['2', 'B', 46031, 46035, 0.5, '1'],
            ['3', 'C', 46036, 46040, 0, '2'],
          ];
          const header: CellValue[] = [...order.map((i) => names[i] as CellValue), ...tail];
          const body = rows.map((r) => order.map((i) => r[i]));
          const m = readProgram({ grids: [grid('P', [header, ...body])] }, settings());
          const p = m.projects[0];
          expect(p?.tasks.map((t) => [t.id, t.name, t.start, t.finish, t.percentComplete])).toEqual([
            ['1', 'A', 46027, 46030, 1],
            ['2', 'B', 46031, 46035, 0.5],
            ['3', 'C', 46036, 46040, 0],
          ]);
          expect(p.tasks[2].predecessors.map((l) => l.task)).toEqual(['2']);
        },
      ),
      { numRuns: 300 },
    );
  });
});

type Convention = { name: string; write: (y: number, m: number, d: number, weekday: string) => string };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number): string => String(n).padStart(2, '0');
const yy = (y: number): string => pad(y % 100);

const CONVENTIONS: Convention[] = [
  { name: 'ISO', write: (y, m, d) => `${y}-${pad(m)}-${pad(d)}` },
  { name: 'd/m/yyyy', write: (y, m, d) => `${d}/${m}/${y}` },
  { name: 'm/d/yyyy', write: (y, m, d) => `${m}/${d}/${y}` },
  { name: 'yy/m/d', write: (y, m, d) => `${yy(y)}/${m}/${d}` },
  { name: 'weekday dd.mm.yy', write: (y, m, d, w) => `${w} ${pad(d)}.${pad(m)}.${yy(y)}` },
  { name: 'weekday mm/dd/yy', write: (y, m, d, w) => `${w} ${pad(m)}/${pad(d)}/${yy(y)}` },
  { name: 'd.m.yyyy', write: (y, m, d) => `${d}.${m}.${y}` },
];

describe('every date convention round-trips through a column', () => {
  test.each(CONVENTIONS.map((c) => [c.name, c] as const))('%s', (_name, convention) => {
    fc.assert(
      fc.property(
        // Days of 2020-2035, one column of 6 to 20 of them; the table's other column holds serials of the same years.
        fc.array(fc.integer({ min: 43831, max: 49674 }), { minLength: 6, maxLength: 20 }),
        (serials) => {
          // A column of dates whose parts are all 12 or under would be truly ambiguous in d/m vs m/d orders:
          // one value with a day above 12 is what settles a real PM's column, and such columns are the claim.
          const written = serials.map((s) => {
            const iso = isoFromSerial(s);
            const [y, m, d] = iso.split('-').map(Number);
            return convention.write(y, m, d, WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]);
          });
          const settles = convention.name === 'ISO' || convention.name.includes('weekday') || convention.name === 'yy/m/d'
            || serials.some((s) => Number(isoFromSerial(s).slice(8, 10)) > 12);
          fc.pre(settles);
          const rows: CellValue[][] = [['Task', 'Baseline Finish', 'Finish'], ...written.map((w, i) => [`T${i}`, serials[i], w])];
          const m = readProgram({ grids: [grid('P', rows)] }, settings({ dateOrder: convention.name.startsWith('d') ? 'MDY' : 'DMY' }));
          expect(m.projects[0].tasks.map((t) => t.finish)).toEqual(serials);
        },
      ),
      { numRuns: 60 },
    );
  });
});
