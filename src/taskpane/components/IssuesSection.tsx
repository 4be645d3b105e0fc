/** Data problems grouped by sheet; each offers a button that selects the offending cell. */
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RollupIssue, Severity } from '../../core/issues';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  sheet: { marginBottom: tokens.spacingVerticalXS },
});

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** Issues by sheet, sheets in first-seen order, issues within a sheet most severe first. */
export function groupIssues(issues: RollupIssue[]): { sheet: string; issues: RollupIssue[] }[] {
  const bySheet = new Map<string, RollupIssue[]>();
  for (const i of issues) {
    const list = bySheet.get(i.sheet) ?? [];
    list.push(i);
    bySheet.set(i.sheet, list);
  }
  return [...bySheet].map(([sheet, list]) => ({ sheet, issues: [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) }));
}

/**
 * Keys that stay stable across renders: an issue is identified by where it is and what it says; the rare
 * exact repeat gets its occurrence number so keys never clash.
 */
export function issueKeys(issues: RollupIssue[]): string[] {
  const seen = new Map<string, number>();
  return issues.map((i) => {
    const base = `${i.code}|${i.cell ?? ''}|${i.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  });
}

export interface IssuesSectionProps {
  issues: RollupIssue[];
  onSelect(sheet: string, cell: string): void;
}

export function IssuesSection({ issues, onSelect }: IssuesSectionProps) {
  const s = useStyles();
  const groups = groupIssues(issues);
  return (
    <section aria-labelledby="issues-heading">
      <h2 id="issues-heading">Issues ({issues.length})</h2>
      {groups.length === 0 && <Text>No data problems found.</Text>}
      {groups.map((g) => {
        const keys = issueKeys(g.issues);
        return (
          <section key={g.sheet} aria-label={`Issues in ${g.sheet}`}>
            <h3 className={s.sheet}>{g.sheet}</h3>
            <ul className={s.list}>
              {g.issues.map((i, n) => (
                <li key={keys[n]} className={s.item}>
                  <Badge color={SEVERITY_BADGE[i.severity]} appearance="tint" size="small">
                    {SEVERITY_LABEL[i.severity]}
                  </Badge>
                  <Text size={200}>{i.message}</Text>
                  <Button
                    size="small"
                    onClick={() => onSelect(i.sheet, i.cell ?? 'A1')}
                    aria-label={i.cell ? `Select cell ${i.cell} in ${i.sheet}` : `Go to sheet ${i.sheet}`}
                  >
                    {i.cell ?? 'Sheet'}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
