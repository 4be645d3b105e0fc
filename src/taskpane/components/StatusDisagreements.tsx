/**
 * Where a PM's own RAG differs from the figures, in the pane: one line per project with the computed reason
 * ("PM says Green; figures say Red: SPI 0.84 < 0.90"), and stale updates. Program Status has the rest.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PmStatusResult } from '../../core/status-result';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface StatusDisagreementsProps {
  /** result.pmStatus; absent when the result did not come from rollup(). */
  statuses: PmStatusResult[] | undefined;
  /** Final name of the Program Status sheet ('' when it was not written). */
  statusSheet: string;
  onGoTo(sheet: string, cell: string): void;
}

export function StatusDisagreements({ statuses, statusSheet, onGoTo }: StatusDisagreementsProps) {
  const s = useStyles();
  if (statuses === undefined || statuses.length === 0) return null;
  const disagree = statuses.filter((x) => x.disagrees);
  const stale = statuses.filter((x) => x.stale);
  return (
    <div className={s.block}>
      <h3>What the PMs say ({disagree.length} {disagree.length === 1 ? 'disagrees' : 'disagree'} with the figures)</h3>
      {disagree.length === 0 ? (
        <Text size={200}>Every PM's colour matches the figures.</Text>
      ) : (
        <ul className={s.list} aria-label="Status disagreements">
          {disagree.map((x) => (
            <li key={x.projectId}>
              <Text size={200} weight="semibold">{x.projectName}</Text>
              <br />
              <Text size={200}>{x.disagreement}</Text>
            </li>
          ))}
        </ul>
      )}
      {stale.length > 0 && (
        <Text size={200} className={s.muted}>
          Stale updates: {stale.map((x) => `${x.projectName} (${x.ageDays ?? '?'} days)`).join(', ')}
        </Text>
      )}
      {statusSheet !== '' && (
        <Button size="small" appearance="transparent" onClick={() => onGoTo(statusSheet, 'A1')} style={{ alignSelf: 'flex-start', padding: 0 }}>
          Open {statusSheet}
        </Button>
      )}
    </div>
  );
}
