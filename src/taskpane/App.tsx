/**
 * The task pane: Sources, Settings, Roll up, Results, Issues, and how each sheet was read. All Excel work goes
 * through `actions`, so the pane renders and tests without Office. Failures become a MessageBar with a plain
 * message; the technical detail goes to the console.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Divider, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { RollupSettings } from '../core/settings';
import type { ListedSource, PaneActions, RollupOutcome, RollupPhase } from './actions';
import { classifyError, logDebugInfo, type PaneError } from './errors';
import { SourcesSection } from './components/SourcesSection';
import { SettingsSection } from './components/SettingsSection';
import { RunSection } from './components/RunSection';
import { ResultsSection } from './components/ResultsSection';
import { IssuesSection } from './components/IssuesSection';
import { ReadingSection } from './components/ReadingSection';

const useStyles = makeStyles({
  root: {
    maxWidth: '420px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    '& h1': { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
    '& h2': { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalXS}` },
    '& h3': { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  },
});

export interface AppProps {
  actions: PaneActions;
}

interface Notice extends PaneError {
  /** Distinguishes successive notices so React replaces rather than reuses the bar. */
  id: number;
}

export function App({ actions }: AppProps) {
  const s = useStyles();
  const [settings, setSettings] = useState<RollupSettings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [sources, setSources] = useState<ListedSource[] | null>(null);
  const [phase, setPhase] = useState<RollupPhase | 'starting' | null>(null);
  const [outcome, setOutcome] = useState<RollupOutcome | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const abort = useRef<AbortController | null>(null);
  const noticeId = useRef(0);

  const report = useCallback((context: string, e: unknown) => {
    const classified = classifyError(e);
    if (classified.code !== 'ABORTED') logDebugInfo(context, e);
    noticeId.current += 1;
    setNotice({ ...classified, id: noticeId.current });
  }, []);

  const refreshSources = useCallback(
    (current: RollupSettings) => {
      setSources(null);
      actions.listSources(current).then(setSources, (e: unknown) => {
        setSources([]);
        report('Listing the sheets failed', e);
      });
    },
    [actions, report],
  );

  useEffect(() => {
    let live = true;
    actions.loadSettings().then(
      (loaded) => {
        if (!live) return;
        setSettings(loaded.settings);
        setProblems(loaded.problems);
        refreshSources(loaded.settings);
      },
      (e: unknown) => {
        if (live) report('Loading the settings failed', e);
      },
    );
    return () => {
      live = false;
    };
  }, [actions, refreshSources, report]);

  /** Resolves true when saved; a failure is reported in the MessageBar and resolves false. */
  const saveSettings = async (next: RollupSettings): Promise<boolean> => {
    try {
      await actions.saveSettings(next);
      setSettings(next);
      setProblems([]);
      return true;
    } catch (e) {
      report('Saving the settings failed', e);
      return false;
    }
  };

  const toggleSource = (sheet: string, include: boolean) => {
    if (!settings) return;
    const excludedSheets = include ? settings.excludedSheets.filter((n) => n !== sheet) : [...settings.excludedSheets, sheet];
    const next = { ...settings, excludedSheets };
    setSettings(next);
    actions.saveSettings(next).catch((e: unknown) => report('Saving the excluded sheets failed', e));
  };

  const run = async () => {
    if (!settings || phase !== null) return;
    const controller = new AbortController();
    abort.current = controller;
    setNotice(null);
    setPhase('starting');
    try {
      const out = await actions.rollUp({ settings, signal: controller.signal, onPhase: setPhase });
      setOutcome(out);
      // The roll-up read every sheet in full: its sources (with real counts) replace the opening preview.
      setSources(out.result.sources);
    } catch (e) {
      report('The roll-up failed', e);
    } finally {
      abort.current = null;
      setPhase(null);
    }
  };

  const reportFailure = (what: string) => (e: unknown) => report(what, e);
  const goTo = (sheet: string, cell: string) => {
    actions.goTo(sheet, cell).catch(reportFailure(`Going to ${sheet}!${cell} failed`));
  };
  const selectCell = (sheet: string, cell: string) => {
    actions.selectCell(sheet, cell).catch(reportFailure(`Selecting ${sheet}!${cell} failed`));
  };

  const busy = phase !== null;
  return (
    <main className={s.root}>
      <h1>Program Rollup</h1>
      {notice && (
        <MessageBar key={notice.id} intent={notice.intent} aria-live="assertive">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle> {notice.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Some saved settings were reset</MessageBarTitle> {problems.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <RunSection phase={phase} disabled={settings === null} onRun={() => void run()} onCancel={() => abort.current?.abort()} />
      {outcome && (
        <>
          <ResultsSection outcome={outcome} onGoTo={goTo} />
          <Divider />
          <IssuesSection issues={outcome.result.issues} onSelect={selectCell} />
          <Divider />
          {outcome.readings && outcome.readings.length > 0 && settings && (
            <>
              <ReadingSection readings={outcome.readings} settings={settings} disabled={busy} onSave={saveSettings} />
              <Divider />
            </>
          )}
        </>
      )}
      <SourcesSection
        sources={sources}
        excludedSheets={settings?.excludedSheets ?? []}
        disabled={busy || settings === null}
        onToggle={toggleSource}
        onRefresh={() => settings && refreshSources(settings)}
      />
      <Divider />
      {settings && (
        <SettingsSection
          settings={settings}
          sheetNames={(sources ?? []).map((x) => x.sheet)}
          disabled={busy}
          onSave={saveSettings}
        />
      )}
    </main>
  );
}
