/** The Roll up button, the phase progress bar and Cancel (available until writing starts). */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { RollupPhase } from '../actions';

const useStyles = makeStyles({
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalS },
});

export function phaseLabel(phase: RollupPhase | 'starting'): string {
  if (phase === 'starting') return 'Starting…';
  switch (phase.name) {
    case 'reading':
      return `Reading ${phase.sheetCount} sheet${phase.sheetCount === 1 ? '' : 's'}…`;
    case 'analysing':
      return 'Analysing…';
    case 'writing':
      return 'Writing the summary…';
  }
}

function phaseValue(phase: RollupPhase | 'starting'): number {
  if (phase === 'starting') return 0.05;
  return phase.name === 'reading' ? 0.25 : phase.name === 'analysing' ? 0.55 : 0.85;
}

export interface RunSectionProps {
  /** null when idle. */
  phase: RollupPhase | 'starting' | null;
  disabled: boolean;
  onRun(): void;
  onCancel(): void;
}

export function RunSection({ phase, disabled, onRun, onCancel }: RunSectionProps) {
  const s = useStyles();
  const running = phase !== null;
  const canCancel = running && !(phase !== 'starting' && phase.name === 'writing');
  return (
    <section aria-label="Roll up">
      <div className={s.row}>
        <Button appearance="primary" onClick={onRun} disabled={disabled || running}>
          Roll up
        </Button>
        {running && (
          <Button onClick={onCancel} disabled={!canCancel} title={canCancel ? 'Stop before anything is written' : 'Writing cannot be interrupted'}>
            Cancel
          </Button>
        )}
      </div>
      {running && (
        <Field label="Progress" validationMessage={phaseLabel(phase)} validationState="none">
          <ProgressBar value={phaseValue(phase)} aria-valuetext={phaseLabel(phase)} />
        </Field>
      )}
    </section>
  );
}
