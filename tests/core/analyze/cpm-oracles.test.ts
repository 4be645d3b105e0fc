/**
 * Published CPM answers: pmcontrols cases (General Foundry 15, Reliable Construction 44, with slack
 * tables), PSPLIB j301_1 (MPM-Time 38), MPLIB1 (six project lengths, program 233), GLPK house (46).
 * Durations are working days on a calendar with no weekends; every activity may start on day 0.
 */
import { readFileSync } from 'fs';
import { WorkCalendar } from '../../../src/core/calendar';
import type { NetEdge, NetNode } from '../../../src/core/analyze/network';
import { scheduleNetwork } from '../../../src/core/analyze/network';
import { REFERENCE_DIR } from '../../reference';

const REF = REFERENCE_DIR;
const cal = new WorkCalendar({ weekendDays: [] });
const DAY0 = 45000;

interface Activity {
  id: string;
  duration: number;
  predecessors: string[];
}

/** Runs the network; zero-duration activities (PSPLIB dummies) are dropped and their links bridged. */
function cpm(acts: Activity[]) {
  const real = acts.filter((a) => a.duration > 0);
  const byId = new Map(acts.map((a) => [a.id, a]));
  const idx = new Map(real.map((a, i) => [a.id, i]));
  // Bridge zero-duration activities: a real activity's predecessors are the real ones reached through dummies.
  const realPreds = (id: string, seen = new Set<string>()): string[] => {
    const out: string[] = [];
    for (const p of byId.get(id)?.predecessors ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      if ((byId.get(p)?.duration ?? 0) > 0) out.push(p);
      else out.push(...realPreds(p, seen));
    }
    return out;
  };
  const nodes: NetNode[] = real.map((a) => ({ key: a.id, start: DAY0, finish: DAY0 + a.duration - 1, fixed: false, started: false }));
  const edges: NetEdge[] = [];
  real.forEach((a, i) => {
    for (const p of realPreds(a.id)) edges.push({ from: idx.get(p) as number, to: i, type: 'FS', lag: 0, lagUnit: 'working' });
  });
  const net = scheduleNetwork(nodes, edges, cal);
  const o0 = cal.ordinal(DAY0);
  const length = net.programFinish === null ? 0 : net.programFinish - o0 + 1;
  return { net, idx, o0, length, real };
}

interface CpmCase {
  id: string;
  method: string;
  inputs: { activities: Activity[] };
  expected: { project_duration: number; critical_path: string[]; schedule: Record<string, { es: number; ef: number; ls: number; lf: number; slack: number }> };
}

describe('pmcontrols CPM cases (published ES/EF/LS/LF/slack tables)', () => {
  const cases = (JSON.parse(readFileSync(`${REF}/pmcontrols/validation_cases.json`, 'utf8')).cases as CpmCase[]).filter((c) => c.method === 'cpm');
  it('has the four published networks', () => expect(cases.map((c) => c.expected.project_duration)).toEqual([15, 9, 16, 44]));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { net, idx, o0, length, real } = cpm(c.inputs.activities);
    expect(length).toBe(c.expected.project_duration);
    for (const [id, row] of Object.entries(c.expected.schedule)) {
      const i = idx.get(id) as number;
      expect([id, net.es[i] - o0, net.ef[i] - o0 + 1, net.slack[i]]).toEqual([id, row.es, row.ef, row.slack]);
      expect(net.ef[i] + net.slack[i] - o0 + 1).toBe(row.lf);
    }
    expect(net.criticalPath.map((i) => real[i].id)).toEqual(c.expected.critical_path);
  });
});

describe('PSPLIB j301_1', () => {
  it('precedence-only length equals the header MPM-Time 38', () => {
    const text = readFileSync(`${REF}/psplib/j301_1.sm`, 'utf8');
    const lines = text.split(/\r?\n/);
    const mpm = /^\s*1\s+30\s+0\s+\d+\s+\d+\s+(\d+)/m.exec(text);
    expect(mpm?.[1]).toBe('38');
    const succ = new Map<string, string[]>();
    const dur = new Map<string, number>();
    let section = '';
    for (const l of lines) {
      if (l.startsWith('PRECEDENCE RELATIONS')) section = 'prec';
      else if (l.startsWith('REQUESTS/DURATIONS')) section = 'dur';
      else if (l.startsWith('RESOURCEAVAILABILITIES')) section = '';
      const f = l.trim().split(/\s+/);
      if (!/^\d+$/.test(f[0] ?? '')) continue;
      if (section === 'prec') succ.set(f[0], f.slice(3));
      if (section === 'dur' && f.length >= 3) dur.set(f[0], Number(f[2]));
    }
    expect(dur.size).toBe(32);
    const preds = new Map<string, string[]>([...dur.keys()].map((k) => [k, []]));
    for (const [a, ss] of succ) for (const s of ss) preds.get(s)?.push(a);
    const acts = [...dur.entries()].map(([id, duration]) => ({ id, duration, predecessors: preds.get(id) ?? [] }));
    expect(cpm(acts).length).toBe(38);
  });
});

describe('MPLIB1 Set1 0 (six projects)', () => {
  it('project lengths 113, 96, 117, 138, 216, 233 and program finish 233', () => {
    const lines = readFileSync(`${REF}/mplib/MPLIB1_Set1_0.rcmp`, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    const projectCount = Number(lines[0]);
    const resources = Number(lines[1]);
    let pos = 3; // counts, resource count, capacities
    const acts: Activity[] = [];
    const perProject: string[][] = [];
    for (let p = 1; p <= projectCount; p++) {
      const [count] = lines[pos++].split(/\s+/).map(Number);
      pos++; // the project's resource flags
      const ids: string[] = [];
      for (let a = 1; a <= count; a++) {
        const f = lines[pos++].split(/\s+/);
        const id = `${p}:${a}`;
        ids.push(id);
        acts.push({ id, duration: Number(f[0]), predecessors: [] });
        for (const s of f.slice(2 + resources)) acts.push({ id: `succ ${id} ${s}`, duration: -1, predecessors: [] });
      }
      perProject.push(ids);
    }
    // Turn the successor lists into predecessor lists.
    const real = acts.filter((a) => a.duration >= 0);
    const byId = new Map(real.map((a) => [a.id, a]));
    for (const a of acts.filter((x) => x.duration < 0)) {
      const [, from, to] = a.id.split(' ');
      byId.get(to)?.predecessors.push(from);
    }
    expect(real.length).toBe(6 * 62);
    const { net, idx, o0, length } = cpm(real);
    const lengths = perProject.map((ids) => Math.max(...ids.filter((id) => idx.has(id)).map((id) => net.ef[idx.get(id) as number] - o0 + 1)));
    expect(lengths).toEqual([113, 96, 117, 138, 216, 233]);
    expect(length).toBe(233);
  });
});

describe('GLPK house network', () => {
  it('finishes in 46', () => {
    const lines = readFileSync(`${REF}/textbook/glpk_cpp_house.csv`, 'utf8').trim().split(/\r?\n/).slice(1);
    const acts = lines.map((l) => {
      const [id, , duration, preds] = l.split(',');
      return { id, duration: Number(duration), predecessors: preds ? preds.trim().split(/\s+/) : [] };
    });
    const { length, net, real } = cpm(acts);
    expect(length).toBe(46);
    // The critical chain runs A-B-D-... and ends with M.
    const path = net.criticalPath.map((i) => real[i].id);
    expect(path[0]).toBe('A');
    expect(path[path.length - 1]).toBe('M');
  });
});
