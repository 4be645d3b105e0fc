/**
 * A person's load by week, the arithmetic that shared-people analysis (resources.ts) and its conflicts
 * (resource-conflicts.ts) both use: the window's weeks as working-day ordinals, the person's record and the
 * rounding of figures for the result.
 */
import type { WorkCalendar } from '../calendar';
import { weekdayOfSerial } from '../calendar';

/** Load above availability by less than this is rounding, not an over-allocation. */
export const EPS = 1e-9;

export interface Person {
  key: string;
  name: string;
  capacity: number;
  listed: boolean;
  nonWorking: Set<number>;
  load: Float64Array;
  own: Float64Array;
  /** Node index and units of each assignment, as two parallel arrays (no object per assignment). */
  jobNodes: number[];
  jobUnits: number[];
  /** The projects of its assignments, in order of first appearance; lastProject is the latest one added. */
  projects: Set<string>;
  lastProject: string | null;
}

/** Monday on or before the serial. */
export function mondayOf(serial: number): number {
  return serial - ((weekdayOfSerial(serial) + 6) % 7);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The window's weeks as working-day ordinals: week w holds ordinals [bounds[w], bounds[w + 1]). Tasks are
 * spans of ordinals too (ScheduleView), so a task's working days in a week are an integer overlap.
 */
export class Weeks {
  readonly bounds: Int32Array;
  /** Week index of each ordinal in the window, by ordinal − bounds[0]. */
  private readonly weekOf: Int32Array;

  constructor(cal: WorkCalendar, week0: number, readonly count: number) {
    this.bounds = new Int32Array(count + 1);
    for (let w = 0; w <= count; w++) this.bounds[w] = cal.ordinal(week0 + 7 * w);
    this.weekOf = new Int32Array(Math.max(0, this.bounds[count] - this.bounds[0]));
    for (let w = 0; w < count; w++) for (let o = this.bounds[w]; o < this.bounds[w + 1]; o++) this.weekOf[o - this.bounds[0]] = w;
  }

  /** Week index of an ordinal inside the window. */
  weekAt(ord: number): number {
    return this.weekOf[ord - this.bounds[0]];
  }

  /** Adds units × working days of ordinals [s, f] to each week of arr. */
  spread(arr: Float64Array, s: number, f: number, units: number): void {
    const b = this.bounds;
    const lo = Math.max(s, b[0]);
    const hi = Math.min(f, b[this.count] - 1);
    if (Number.isNaN(lo) || Number.isNaN(hi) || hi < lo) return;
    const first = this.weekOf[lo - b[0]];
    const last = this.weekOf[hi - b[0]];
    for (let w = first; w <= last; w++) {
      const days = Math.min(hi, b[w + 1] - 1) - Math.max(lo, b[w]) + 1;
      arr[w] += units * days;
    }
  }
}
