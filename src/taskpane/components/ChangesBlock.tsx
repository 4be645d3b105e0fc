/**
 * What changed since the last roll-up, in the pane: the headline and the projects whose health flipped, each
 * with the reason then and now. The full comparison is on the Program Changes sheet, one click away.
 */
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ChangesResult } from '../../core/changes-result';
import { HEALTH_BADGE, HEALTH_LABEL } from '../format';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  reason: { color: tokens.colorNeutralForeground2 },
});

export interface ChangesBlockProps {
  /** result.changes: null when there was nothing to compare with. */
  changes: ChangesResult | null | undefined;
  /** Final name of the Program Changes sheet ('' when it was not written). */
  changesSheet: string;
  onGoTo(sheet: string, cell: string): void;
}

export function ChangesBlock({ changes, changesSheet, onGoTo }: ChangesBlockProps) {
  const s = useStyles();
  if (changes === undefined) return null;
  if (changes === null) {
    return (
      <div className={s.block}>
        <h3>Since the last roll-up</h3>
        <Text size={200}>Nothing to compare with yet: the next roll-up with a later status date will show what changed.</Text>
      </div>
    );
  }
  const flips = changes.projects.filter((p) => p.id !== '(program)' && (p.direction === 'worse' || p.direction === 'better'));
  return (
    <div className={s.block}>
      <h3>Since the last roll-up</h3>
      <Text>{changes.headline}</Text>
      {flips.length > 0 && (
        <ul className={s.list} aria-label="Health changes">
          {flips.map((p) => (
            <li key={p.id}>
              <Text size={200} weight="semibold">{p.name}</Text>{' '}
              {p.healthThen && <Badge color={HEALTH_BADGE[p.healthThen]} size="small" shape="rounded">{HEALTH_LABEL[p.healthThen]}</Badge>}
              {' → '}
              {p.healthNow && <Badge color={HEALTH_BADGE[p.healthNow]} size="small" shape="rounded">{HEALTH_LABEL[p.healthNow]}</Badge>}
              <br />
              <Text size={200} className={s.reason}>
                {p.direction === 'worse' ? 'worse' : 'better'}: was “{p.reasonThen ?? '—'}”, now “{p.reasonNow ?? '—'}”
              </Text>
            </li>
          ))}
        </ul>
      )}
      {changesSheet !== '' && (
        <Button size="small" appearance="transparent" onClick={() => onGoTo(changesSheet, 'A1')} style={{ alignSelf: 'flex-start', padding: 0 }}>
          Open {changesSheet}
        </Button>
      )}
    </div>
  );
}
