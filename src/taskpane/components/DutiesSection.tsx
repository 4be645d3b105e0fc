/**
 * Benefits and shared people in the pane: the summary lines, the at-risk benefits with the milestone that
 * makes each late, and the top over-allocations. A row opens the owned sheet; the small button beside it
 * opens the cell the PM keeps (the driving milestone, or the first overlapping task).
 */
import { Badge, Button, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular } from '@fluentui/react-icons';
import type { RollupResult } from '../../core/result';
import type { RenderReport } from '../../core/report/plan';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  row: { flexGrow: 1, minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', columnGap: tokens.spacingHorizontalS, minHeight: '28px' },
  rowName: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  source: { flexShrink: 0, color: tokens.colorNeutralForeground2 },
});

/** How many at-risk benefits and conflicts the pane lists (the sheets list them all). */
export const PANE_TOP = 5;

export interface DutiesSectionProps {
  result: RollupResult;
  report: RenderReport;
  onGoTo(sheet: string, cell: string): void;
}

export function DutiesSection({ result, report, onGoTo }: DutiesSectionProps) {
  const s = useStyles();
  const benefits = result.benefits ?? [];
  const summary = result.benefitsSummary;
  const people = result.resources;
  const atRisk = benefits.filter((b) => b.status === 'at-risk').slice(0, PANE_TOP);
  const conflicts = (people?.conflicts ?? []).slice(0, PANE_TOP);
  const benefitsSheet = report.sheetNames.benefits;
  const resourcesSheet = report.sheetNames.resources;
  return (
    <>
      {benefits.length > 0 && summary !== undefined && (
        <section aria-labelledby="benefits-heading">
          <h3 id="benefits-heading">Benefits ({benefits.length})</h3>
          <Text size={200}>{summary.line}</Text>
          <ul className={s.list}>
            {atRisk.map((b) => {
              const driving = b.enablers.find((e) => e.key === b.drivingEnabler);
              return (
                <li key={b.id} className={s.item}>
                  <Button className={s.row} appearance="subtle" size="small" title={b.reason}
                    onClick={() => onGoTo(benefitsSheet || b.sheet, benefitsSheet ? 'A1' : b.cell)}>
                    <Badge color="danger" size="small" shape="circular" aria-hidden />
                    <span className={s.rowName}>{b.id} {b.name}</span>
                    <Text size={200}>{b.slipDays} d late</Text>
                  </Button>
                  {driving?.sheet != null && driving.cell !== null && (
                    <Tooltip content={`Open ${driving.key} in ${driving.sheet}`} relationship="label" withArrow>
                      <Button className={s.source} appearance="subtle" size="small" icon={<DocumentTableRegular />}
                        onClick={() => onGoTo(driving.sheet as string, driving.cell as string)} />
                    </Tooltip>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {people !== undefined && people.people.length > 0 && (
        <section aria-labelledby="people-heading">
          <h3 id="people-heading">Shared people ({people.people.length})</h3>
          <Text size={200}>{people.line}</Text>
          <ul className={s.list}>
            {conflicts.map((c) => {
              const first = c.tasks[0];
              return (
                <li key={`${c.person}|${c.fromWeek}`} className={s.item}>
                  <Button className={s.row} appearance="subtle" size="small" title={c.reason}
                    onClick={() => onGoTo(resourcesSheet || first.sheet, resourcesSheet ? 'A1' : first.cell)}>
                    <Badge color={c.causedBySlip ? 'danger' : 'warning'} size="small" shape="circular" aria-hidden />
                    <span className={s.rowName}>{c.person}, {c.fromWeek}{c.causedBySlip ? ' (slip)' : ''}</span>
                    <Text size={200}>{c.peakUtilisation === null ? '—' : `${Math.round(c.peakUtilisation * 100)} %`}</Text>
                  </Button>
                  {first !== undefined && (
                    <Tooltip content={`Open ${first.key} in ${first.sheet}`} relationship="label" withArrow>
                      <Button className={s.source} appearance="subtle" size="small" icon={<DocumentTableRegular />}
                        onClick={() => onGoTo(first.sheet, first.cell)} />
                    </Tooltip>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
