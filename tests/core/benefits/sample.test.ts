/** The bundled sample shows both features with real cases: what issue 14 asks the sample to carry. */
import { join } from 'node:path';
import { readXlsxGrids } from '../../../src/xlsx/read';
import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const SAMPLE = join(__dirname, '..', '..', '..', 'examples', 'sample-program.xlsx');

test('the sample has a cross-project conflict a slip created and a benefit made late two projects upstream', async () => {
  const { input } = await readXlsxGrids(SAMPLE);
  const { result, plan } = rollup(input, DEFAULT_SETTINGS, new Date('2026-11-13T17:00:00Z'));
  const conflict = result.resources?.conflicts[0];
  // Grace Kim: APP:16 (pushed from 2027-02-25 to 03-19 by the stale APP:10 hand-off) now overlaps ROLL:6, where
  // she is lent at 50 % from 2027-03-29.
  expect(conflict).toMatchObject({ person: 'Grace Kim', fromWeek: '2027-03-29', crossProject: true, causedBySlip: true });
  expect(conflict?.tasks.map((t) => [t.key, t.pushed, t.units])).toEqual([['APP:16', true, 1], ['ROLL:6', false, 0.5]]);
  expect(result.resources?.people.find((p) => p.name === 'Nadia Haddad')).toMatchObject({ capacity: 0.5, listed: true });
  const b5 = result.benefits?.find((b) => b.id === 'B5');
  expect(b5?.status).toBe('at-risk');
  expect(b5?.reason).toContain('(2 projects upstream)');
  expect(result.benefitsSummary).toMatchObject({ count: 5, atRisk: 2 });
  expect(plan.sheets.map((s) => s.role)).toEqual(['summary', 'changes', 'status', 'trend', 'dependencies', 'risks', 'raid', 'issues', 'history', 'benefits', 'resources', 'snapshot']);
}, 30_000);
