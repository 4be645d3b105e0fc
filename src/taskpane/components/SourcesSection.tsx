/** The sheets the roll-up found, each with its state and an include/exclude checkbox. */
import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ListedSource } from '../actions';
import { describeSource } from '../format';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground2, paddingLeft: '32px' },
  plain: { paddingLeft: '32px', minHeight: '32px', display: 'flex', alignItems: 'center' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

export interface SourcesSectionProps {
  sources: ListedSource[] | null;
  excludedSheets: string[];
  disabled: boolean;
  onToggle(sheet: string, include: boolean): void;
  onRefresh(): void;
}

export function SourcesSection({ sources, excludedSheets, disabled, onToggle, onRefresh }: SourcesSectionProps) {
  const s = useStyles();
  return (
    <section aria-labelledby="sources-heading">
      <div className={s.header}>
        <h2 id="sources-heading">Sources</h2>
        <Button size="small" appearance="subtle" onClick={onRefresh} disabled={disabled}>
          Refresh
        </Button>
      </div>
      {sources === null ? (
        <Text>Looking for project sheets…</Text>
      ) : sources.length === 0 ? (
        <Text>No sheets found in this workbook.</Text>
      ) : (
        <ul className={s.list}>
          {sources.map((src) => {
            const included = !excludedSheets.includes(src.sheet);
            // The core lists an excluded project as skipped; it must stay re-includable.
            const choosable = src.kind === 'project' || src.excluded || !included;
            const detailId = `source-detail-${src.sheet.replace(/[^A-Za-z0-9_-]/g, '_')}`;
            return (
              <li key={src.sheet} className={s.item}>
                {choosable ? (
                  <Checkbox
                    checked={included}
                    disabled={disabled}
                    onChange={(_, data) => onToggle(src.sheet, data.checked === true)}
                    label={src.projectId ? `${src.sheet} (${src.projectId})` : src.sheet}
                    aria-describedby={detailId}
                  />
                ) : (
                  // Only projects can be included or excluded; other sheets are listed so nothing is a mystery.
                  <Text className={s.plain}>{src.sheet}</Text>
                )}
                <Text size={200} id={detailId} className={s.detail}>
                  {describeSource(src)}
                  {src.kind === 'project' && !included ? ' · excluded' : ''}
                </Text>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
