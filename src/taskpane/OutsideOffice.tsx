/** Shown when the page is opened in a plain browser: the pane only works inside Excel. */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';

// The build ships README.md beside taskpane.html (webpack copy step), so the link resolves wherever the
// add-in is hosted, with no guessed repository address.
export const README_URL = 'README.md';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '420px', fontFamily: tokens.fontFamilyBase },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export function OutsideOffice() {
  const s = useStyles();
  return (
    <main className={s.root}>
      <h1 className={s.title}>Open this in Excel</h1>
      <Text>
        Program Rollup is an Excel add-in. This page is its task pane, and it only works when Excel loads it: add the
        add-in to Excel (desktop or Excel on the web), then click <strong>Rollup pane</strong> on the Home tab.
      </Text>
      <Text>
        <Link href={README_URL} target="_blank" rel="noopener noreferrer">
          How to install and sideload the add-in (README)
        </Link>
      </Text>
    </main>
  );
}
