/** Model builders for analysis tests: only what a test names differs from a blank task/project. */
import type { LinkRef, LinkType, ProgramModel, Project, Risk, Task } from '../../../src/core/model';
import { isoToSerial } from '../../../src/core/calendar';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { RollupSettings } from '../../../src/core/settings';

export const d = (iso: string): number => {
  const s = isoToSerial(iso);
  if (s === null) throw new Error(`bad ISO date in a fixture: ${iso}`);
  return s;
};

export function link(project: string, task: string, type: LinkType = 'FS', lag = 0, lagUnit: 'working' | 'elapsed' = 'working'): LinkRef {
  return { project, task, type, lag, lagUnit, text: `${project}:${task}${type}${lag >= 0 ? '+' : ''}${lag}d`, source: { sheet: project, cell: 'H2' } };
}

export function task(projectId: string, id: string, fields: Partial<Task> = {}): Task {
  return {
    key: `${projectId}:${id}`, projectId, id, name: `Task ${id}`, row: 2, source: { sheet: projectId, cell: `A${id}` },
    isMilestone: false, baselineStart: null, baselineFinish: null, start: null, finish: null, actualStart: null,
    actualFinish: null, percentComplete: null, budget: null, actualCost: null, predecessors: [], owner: null, status: null,
    notes: null, ...fields,
  };
}

export function project(id: string, tasks: Task[], fields: Partial<Project> = {}): Project {
  return { id, name: `Project ${id}`, sheet: id, hidden: false, manager: null, statusDate: null, budget: null, tasks, risks: [], evmPeriods: null, ...fields };
}

export function risk(id: string, fields: Partial<Risk> = {}): Risk {
  return {
    id, title: `Risk ${id}`, probability: 0.5, impactLevel: 3, costImpact: 1000, scheduleImpactDays: 10, owner: null, status: 'Open',
    isOpen: true, taskId: null, mitigation: null, row: 20, source: { sheet: 'X', cell: 'A20' }, ...fields,
  };
}

export function model(projects: Project[], fields: Partial<ProgramModel> = {}): ProgramModel {
  return { projects, skipped: [], dependencies: [], holidays: [], statusDate: null, history: [], issues: [], ...fields };
}

export function settings(fields: Partial<RollupSettings> = {}): RollupSettings {
  return { ...DEFAULT_SETTINGS, ...fields };
}

export const NOW = new Date('2024-06-03T12:00:00Z');
