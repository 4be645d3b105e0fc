/** MS Project's own link answers (reference/mspdi/msproject_link_semantics.csv), every row. */
import { readFileSync } from 'fs';
import { WorkCalendar, isoToSerial, serialToIso } from '../../../src/core/calendar';
import type { LinkType } from '../../../src/core/model';
import { scheduleNetwork } from '../../../src/core/analyze/network';
import { REFERENCE_DIR } from '../../reference';
import { join } from 'node:path';

const CSV = join(REFERENCE_DIR, 'mspdi/msproject_link_semantics.csv');

interface Row {
  source: string;
  predStart: string;
  predFinish: string;
  type: LinkType;
  lagDays: number;
  succStart: string;
  succFinish: string;
}

function rows(): Row[] {
  const lines = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const col = (name: string): number => head.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split(',');
    return {
      source: c[col('source_file')],
      predStart: c[col('pred_start')],
      predFinish: c[col('pred_finish')],
      type: c[col('type')] as LinkType,
      lagDays: Number(c[col('lag_working_days')]),
      succStart: c[col('succ_start')],
      succFinish: c[col('succ_finish')],
    };
  });
}

const cal = new WorkCalendar();
/** A start timestamp's day; a finish at 08:00 is the end of the previous working day. */
const startDay = (ts: string): number => isoToSerial(ts.slice(0, 10)) as number;
const finishDay = (ts: string): number => {
  const day = startDay(ts);
  return ts.slice(11, 16) === '08:00' ? cal.workdayAdd(day, -1) : day;
};

describe('MS Project link semantics', () => {
  const all = rows();
  it('reads the whole table (58 links from eight MS Project files)', () => {
    expect(all.length).toBe(58);
    expect(new Set(all.map((r) => r.type))).toEqual(new Set(['FS', 'SS', 'FF', 'SF']));
  });
  it.each(all.map((r, i) => [i + 2, r.source, r.type, r.lagDays, r] as const))('row %i (%s %s%+d)', (_line, _src, _type, _lag, r) => {
    const ps = startDay(r.predStart);
    const pf = finishDay(r.predFinish);
    // The successor is a 1-day task that would otherwise start a month earlier: only the link places it.
    const own = cal.workdayAdd(ps, -20);
    const net = scheduleNetwork(
      [
        { key: 'P', start: ps, finish: pf, fixed: false, started: false },
        { key: 'S', start: own, finish: own, fixed: false, started: false },
      ],
      [{ from: 0, to: 1, type: r.type, lag: r.lagDays, lagUnit: 'working' }],
      cal,
    );
    expect(serialToIso(cal.fromOrdinal(net.es[1]))).toBe(r.succStart.slice(0, 10));
    expect(serialToIso(cal.fromOrdinal(net.ef[1]))).toBe(serialToIso(finishDay(r.succFinish)));
  });
});
