/** Program health, a few KPIs, the projects with their colour and the late hand-offs; rows navigate. */
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RollupOutcome } from '../actions';
import { HEALTH_BADGE, HEALTH_LABEL, fmtDays, fmtIndex, fmtMoney } from '../format';

const useStyles = makeStyles({
  health: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  kpi: { display: 'flex', flexDirection: 'column', padding: tokens.spacingVerticalXS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  kpiLabel: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', columnGap: tokens.spacingHorizontalS, minHeight: '28px' },
  rowName: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // Read by screen readers, not shown: the accessible name starts with the visible text (WCAG 2.5.3).
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  notes: { color: tokens.colorNeutralForeground2 },
});

export interface ResultsSectionProps {
  outcome: RollupOutcome;
  onGoTo(sheet: string, cell: string): void;
}

export function ResultsSection({ outcome, onGoTo }: ResultsSectionProps) {
  const s = useStyles();
  const { result, report } = outcome;
  const p = result.program;
  const late = result.dependencies.filter((d) => d.status === 'late');
  const summarySheet = report.sheetNames.summary;
  const kpis: { label: string; value: string }[] = [
    { label: 'SPI', value: fmtIndex(p.spi) },
    { label: 'CPI', value: fmtIndex(p.cpi) },
    { label: 'SPI(t)', value: fmtIndex(p.spit) },
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
      <h3>Projects ({result.projects.length})</h3>
      <ul className={s.list}>
        {result.projects.map((proj) => (
          <li key={proj.id}>
            <Button
              className={s.row}
              appearance="subtle"
              size="small"
              onClick={() => onGoTo(proj.sheet, 'A1')}
              title={`Go to sheet ${proj.sheet}`}
            >
              <Badge color={HEALTH_BADGE[proj.health]} size="small" shape="circular" aria-hidden />
              <span className={s.rowName}>{proj.name}</span>
              <Text size={200}>{fmtDays(proj.finishVarianceDays)}</Text>
              <span className={s.srOnly}>, health {HEALTH_LABEL[proj.health]}</span>
            </Button>
          </li>
        ))}
      </ul>
      <h3>Late hand-offs ({late.length})</h3>
      {late.length === 0 ? (
        <Text size={200}>No hand-off is late.</Text>
      ) : (
        <ul className={s.list}>
          {late.map((d) => (
            <li key={`${d.from}->${d.to}:${d.type}`}>
              <Button
                className={s.row}
                appearance="subtle"
                size="small"
                onClick={() => onGoTo(d.sheet, d.cell)}
                title={`${d.fromName} → ${d.toName}: go to ${d.sheet}!${d.cell}`}
              >
                <span className={s.rowName}>
                  {d.from} → {d.to}
                </span>
                <Text size={200}>{d.slackDays === null ? '—' : `${-d.slackDays} d late`}</Text>
                <span className={s.srOnly}>
                  , {d.fromName} to {d.toName}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
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
