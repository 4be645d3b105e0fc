import { WorkCalendar, isoToSerial, serialToIso, weekdayOfSerial, dateToSerial } from '../../src/core/calendar';

const S = (iso: string): number => {
  const s = isoToSerial(iso);
  if (s === null) throw new Error(`bad date ${iso}`);
  return s;
};

describe('serial <-> ISO (1900 system)', () => {
  it('matches Excel serials for known dates', () => {
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('2026-01-01')).toBe(46023);
    expect(serialToIso(45292)).toBe('2024-01-01');
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(60)).toBe('1900-02-29');
  });
  it('round-trips and rejects impossible dates', () => {
    for (let s = 61; s < 80000; s += 997) expect(isoToSerial(serialToIso(s))).toBe(s);
    expect(isoToSerial('2026-02-30')).toBeNull();
    expect(isoToSerial('nonsense')).toBeNull();
    expect(dateToSerial(new Date('2024-01-01T15:00:00Z'))).toBe(45292);
  });
  it('weekday: 2024-01-01 was a Monday, 1900-03-01 a Thursday', () => {
    expect(weekdayOfSerial(45292)).toBe(1);
    expect(weekdayOfSerial(61)).toBe(4);
  });
});

describe('WorkCalendar', () => {
  const cal = new WorkCalendar({ holidays: [S('2024-12-25')] });
  it('adds working days across weekends and holidays', () => {
    expect(serialToIso(cal.workdayAdd(S('2024-01-05'), 1))).toBe('2024-01-08'); // Fri + 1 = Mon
    expect(serialToIso(cal.workdayAdd(S('2024-01-08'), -1))).toBe('2024-01-05');
    expect(serialToIso(cal.workdayAdd(S('2024-12-24'), 1))).toBe('2024-12-26');
    expect(serialToIso(cal.workdayAdd(S('2024-01-06'), 0))).toBe('2024-01-08'); // Sat rolls to Mon
    expect(serialToIso(cal.workdayAdd(S('2024-01-06'), 1))).toBe('2024-01-08');
    expect(serialToIso(cal.workdayAdd(S('2024-01-06'), -1))).toBe('2024-01-05');
  });
  it('diff is the inverse of add on working days', () => {
    const a = S('2024-01-03');
    for (let n = -300; n <= 300; n += 7) expect(cal.workdayDiff(a, cal.workdayAdd(a, n))).toBe(n);
    expect(cal.workdaysInclusive(S('2024-01-01'), S('2024-01-12'))).toBe(10);
    expect(cal.workdaysInclusive(S('2024-01-12'), S('2024-01-01'))).toBe(0);
  });
  it('grows its index far outside the initial range', () => {
    expect(serialToIso(cal.workdayAdd(S('1950-01-02'), 5))).toBe('1950-01-09');
    expect(serialToIso(cal.workdayAdd(S('2100-01-01'), 0))).toBe('2100-01-01');
    expect(cal.workdayDiff(S('1950-01-02'), S('1950-01-09'))).toBe(5);
  });
  it('honours configurable weekends and elapsed days', () => {
    const friSat = new WorkCalendar({ weekendDays: [5, 6] });
    expect(friSat.isWorkday(S('2024-01-05'))).toBe(false); // Friday
    expect(friSat.isWorkday(S('2024-01-07'))).toBe(true); // Sunday
    const none = new WorkCalendar({ weekendDays: [] });
    expect(none.workdayDiff(S('2024-01-01'), S('2024-01-31'))).toBe(30);
    expect(serialToIso(cal.elapsedAdd(S('2024-01-05'), 2))).toBe('2024-01-08'); // Fri + 2 ed = Sun -> Mon
  });
});

describe('working-day ordinals', () => {
  it('stay stable when the index grows downwards', () => {
    const cal = new WorkCalendar();
    const d = S('2024-03-04');
    const before = cal.ordinal(d);
    cal.ordinal(S('1920-01-01'));
    expect(cal.ordinal(d)).toBe(before);
    expect(cal.fromOrdinal(before)).toBe(d);
    expect(cal.fromOrdinal(before + 5)).toBe(S('2024-03-11'));
    expect(cal.ordinal(S('2024-03-09'))).toBe(before + 5); // Saturday -> next Monday's ordinal
  });
});
