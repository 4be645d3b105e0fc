/**
 * Program health, a few KPIs, the projects with their colour and the late hand-offs. A row takes the user to
 * its row in the summary (where the plan's anchors say it is); a small button beside it opens the source the
 * PM keeps (the project sheet, or the cell where the link is set).
 */
import { Badge, Button, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular } from '@fluentui/react-icons';
import type { OwnedSheetRole } from '../../core/grid';
import type { PlanAnchor } from '../../core/report/plan';
import { anchorFor, dependencyKeys } from '../../core/report/anchors';
import { evmBasisNote } from '../../core/report/evm-note';
import type { EvmBasis } from '../../core/result';
import type { RollupOutcome } from '../actions';
import { HEALTH_BADGE, HEALTH_LABEL, fmtDays, fmtIndex, fmtMoney } from '../format';
import { ChangesBlock } from './ChangesBlock';
import { StatusDisagreements } from './StatusDisagreements';
import { DutiesSection } from './DutiesSection';

const useStyles = makeStyles({
  health: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  kpi: { display: 'flex', flexDirection: 'column', padding: tokens.spacingVerticalXS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  kpiLabel: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  row: { flexGrow: 1, minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', columnGap: tokens.spacingHorizontalS, minHeight: '28px' },
  source: { flexShrink: 0, color: tokens.colorNeutralForeground2 },
  rowName: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // Read by screen readers, not shown: the accessible name starts with the visible text (WCAG 2.5.3).
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  notes: { color: tokens.colorNeutralForeground2 },
  basis: { flexShrink: 0, color: tokens.colorNeutralForeground2 },
});

const byDuration = (b: EvmBasis | null): boolean => b === 'duration' || b === 'duration-forecast-plan';

export interface ResultsSectionProps {
  outcome: RollupOutcome;
  onGoTo(sheet: string, cell: string): void;
}

export function ResultsSection({ outcome, onGoTo }: ResultsSectionProps) {
  const s = useStyles();
  const { result, report, anchors } = outcome;
  const p = result.program;
  const keys = dependencyKeys(result.dependencies);
  const late = result.dependencies.map((d, i) => ({ d, key: keys[i] })).filter(({ d }) => d.status === 'late');
  const summarySheet = report.sheetNames.summary;
  /** The final sheet name and cell of an anchor; the top of the role's sheet if the plan has no anchor. */
  const place = (anchor: PlanAnchor | null, role: OwnedSheetRole): { sheet: string; cell: string } =>
    anchor ? { sheet: report.sheetNames[anchor.role], cell: anchor.cell } : { sheet: report.sheetNames[role], cell: 'A1' };
  // A duration-weighted SPI (no money on the sheets) is a different measure from a cost one: say which.
  const weighted = byDuration(p.evmBasis) ? ' (duration-weighted)' : '';
  const evmNote = evmBasisNote(result);
  const kpis: { label: string; value: string }[] = [
    { label: `SPI${weighted}`, value: fmtIndex(p.spi) },
    { label: 'CPI', value: fmtIndex(p.cpi) },
    { label: `SPI(t)${weighted}`, value: fmtIndex(p.spit) },
    { label: 'EAC', value: fmtMoney(p.eac) },
    { label: 'Finish', value: fmtDays(p.finishVarianceDays) },
    { label: 'Risk exposure', value: fmtMoney(p.riskExposure) },
  ];
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <div className={s.health}>
        <Text>
          Program health{' '}
          <Badge color={HEALTH_BADGE[p.health]} shape="rounded">
            {HEALTH_LABEL[p.health]}
          </Badge>{' '}
          <Text size={200}>as of {result.statusDate}</Text>
        </Text>
        <Text size={200}>{p.healthReason}</Text>
        <Button size="small" appearance="transparent" onClick={() => onGoTo(summarySheet, 'A1')} style={{ alignSelf: 'flex-start', padding: 0 }}>
          Open {summarySheet}
        </Button>
      </div>
      <dl className={s.kpis}>
        {kpis.map((k) => (
          <div key={k.label} className={s.kpi}>
            <dt className={s.kpiLabel}>
              <Text size={200}>{k.label}</Text>
            </dt>
            <dd style={{ margin: 0 }}>
              <Text weight="semibold">{k.value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      {evmNote !== null && (
        <Text as="p" size={200} className={s.notes}>
          {evmNote}
        </Text>
      )}
      <ChangesBlock changes={result.changes} changesSheet={report.sheetNames.changes} onGoTo={onGoTo} />
      <StatusDisagreements statuses={result.pmStatus} statusSheet={report.sheetNames.status} onGoTo={onGoTo} />
      <h3>Projects ({result.projects.length})</h3>
      <ul className={s.list}>
        {result.projects.map((proj) => {
          const to = place(anchorFor(anchors.projects, proj.id), 'summary');
          return (
            <li key={proj.id} className={s.item}>
              <Button
                className={s.row}
                appearance="subtle"
                size="small"
                onClick={() => onGoTo(to.sheet, to.cell)}
                title={`Go to ${proj.id} in ${to.sheet}`}
              >
                <Badge color={HEALTH_BADGE[proj.health]} size="small" shape="circular" aria-hidden />
                <span className={s.rowName}>{proj.name}</span>
                {byDuration(proj.evmBasis) && (
                  <Text size={200} className={s.basis}>
                    {proj.evmBasis === 'duration' ? 'duration-weighted' : 'duration-weighted on forecast'}
                  </Text>
                )}
                <Text size={200}>{fmtDays(proj.finishVarianceDays)}</Text>
                <span className={s.srOnly}>, health {HEALTH_LABEL[proj.health]}</span>
              </Button>
              <Tooltip content={`Open sheet ${proj.sheet}`} relationship="label" withArrow>
                <Button
                  className={s.source}
                  appearance="subtle"
                  size="small"
                  icon={<DocumentTableRegular />}
                  onClick={() => onGoTo(proj.sheet, 'A1')}
                />
              </Tooltip>
            </li>
          );
        })}
      </ul>
      <h3>Late hand-offs ({late.length})</h3>
      {late.length === 0 ? (
        <Text size={200}>No hand-off is late.</Text>
      ) : (
        <ul className={s.list}>
          {late.map(({ d, key }) => {
            const to = place(anchorFor(anchors.dependencies, key), 'dependencies');
            return (
              <li key={key} className={s.item}>
                <Button
                  className={s.row}
                  appearance="subtle"
                  size="small"
                  onClick={() => onGoTo(to.sheet, to.cell)}
                  title={`${d.fromName} → ${d.toName}: go to the link in ${to.sheet}`}
                >
                  <span className={s.rowName}>
                    {d.from} → {d.to}
                  </span>
                  <Text size={200}>{d.slackDays === null ? '—' : `${-d.slackDays} d late`}</Text>
                  <span className={s.srOnly}>
                    , {d.fromName} to {d.toName}
                  </span>
                </Button>
                <Tooltip content={`Open cell ${d.cell} in ${d.sheet}, where the link is set`} relationship="label" withArrow>
                  <Button
                    className={s.source}
                    appearance="subtle"
                    size="small"
                    icon={<DocumentTableRegular />}
                    onClick={() => onGoTo(d.sheet, d.cell)}
                  />
                </Tooltip>
              </li>
            );
          })}
        </ul>
      )}
      <DutiesSection result={result} report={report} onGoTo={onGoTo} />
      {report.notes.length > 0 && (
        <ul className={s.notes}>
          {report.notes.map((n) => (
            <li key={n}>
              <Text size={200}>{n}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
