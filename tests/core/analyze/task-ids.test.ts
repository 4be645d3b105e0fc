/**
 * Links resolve task IDs exactly as a string-keyed lookup would, though analyzeProgram keeps row-number IDs
 * in a typed array: "7" and "007" are different tasks, and IDs that are not small whole numbers still resolve.
 */
import { analyzeProgram } from '../../../src/core/analyze';
import { d, link, model, project, settings, task, NOW } from './fixtures';

describe('task ID lookup', () => {
  const dates = { baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-07'), start: d('2024-05-06'), finish: d('2024-05-07') };
  const ids = ['7', '007', '0', '123456789', 'A1', '1.5', ' 7', '+7'];
  const plat = project('PLAT', [...ids.map((id) => task('PLAT', id, dates)), task('PLAT', '7', { ...dates, name: 'duplicate' })]);
  const asked = [...ids, '8', '0007', '70', '1234567890', 'a1'];
  const app = project('APP', [task('APP', '1', { ...dates, predecessors: asked.map((id) => link('PLAT', id)) })]);
  const res = analyzeProgram(model([plat, app]), settings({ statusDate: '2024-05-08' }), NOW);

  it('links to each spelling find that very task', () => {
    expect(res.dependencies.map((x) => x.from)).toEqual(ids.map((id) => `PLAT:${id}`));
    expect(res.dependencies.map((x) => x.fromName)).toEqual(ids.map((id) => `Task ${id}`));
  });
  it('links to IDs that do not exist are reported, and a repeated ID is a duplicate', () => {
    const missing = res.issues.filter((i) => i.code === 'LINK_TARGET_MISSING').map((i) => i.message);
    expect(missing).toHaveLength(5);
    for (const id of ['8', '0007', '70', '1234567890', 'a1']) expect(missing.some((msg) => msg.includes(`(PLAT:${id})`))).toBe(true);
    expect(res.issues.filter((i) => i.code === 'TASK_KEY_DUPLICATE')).toHaveLength(1);
  });
});
