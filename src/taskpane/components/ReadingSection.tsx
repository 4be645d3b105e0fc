/**
 * How each sheet was read, after a roll-up: a user should see how a sheet was read before trusting its
 * numbers. One collapsed item per sheet (verdict beside the name); opened, it lists the header row, which
 * column became which field, date conventions, the ID scheme, rows skipped and notes, and offers a correction
 * that is saved in the settings (`sheetMappings`) and used by the next roll-up.
 *
 * Each item is a plain disclosure (a button with aria-expanded) rather than Fluent's Accordion: the Accordion
 * sets up tabster's arrow-key navigation, which took over Tab in the pane and broke Tab from a result row to
 * its sheet button.
 */
import { useId, useState } from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { SheetReading } from '../../core/model';
import type { RollupSettings, SheetMapping } from '../../core/settings';
import { fieldLabel, sameSheet, savedMappingFor, withMapping, withoutMapping } from '../mapping-form';
import { ID_SCHEME_TEXT, conventionText, countsText, headerRowText, readingVerdict, stableKeys } from '../reading-words';
import { MappingEditor } from './MappingEditor';

const useStyles = makeStyles({
  items: { listStyleType: 'none', margin: 0, padding: 0 },
  heading: { margin: 0 },
  toggle: { width: '100%', justifyContent: 'flex-start', minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  panel: { paddingLeft: tokens.spacingHorizontalXXL, paddingBottom: tokens.spacingVerticalS },
  title: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', textAlign: 'start' },
  verdict: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200 },
  details: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  orphan: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
});

export interface ReadingSectionProps {
  readings: SheetReading[];
  settings: RollupSettings;
  disabled: boolean;
  /** Resolves true when the settings were stored; the caller reports failures. */
  onSave(settings: RollupSettings): Promise<boolean>;
}

export function ReadingSection({ readings, settings, disabled, onSave }: ReadingSectionProps) {
  const s = useStyles();
  // Every sheet of the workbook has a reading (excluded and hidden ones too), so a mapping that matches none
  // names a sheet that was renamed or deleted: it would wait unseen for a sheet of that name, so it is shown.
  const orphans = (settings.sheetMappings ?? []).filter((m) => !readings.some((r) => sameSheet(r.sheet, m.sheet)));
  return (
    <section aria-labelledby="readings-heading">
      <h2 id="readings-heading">How the sheets were read</h2>
      <ul className={s.items}>
        {readings.map((r) => (
          <SheetReadingItem
            key={`${r.workbook ?? ''}|${r.sheet}`}
            reading={r}
            saved={savedMappingFor(settings, r.sheet)}
            disabled={disabled}
            onSaveMapping={(m) => onSave(withMapping(settings, m))}
            onRemoveMapping={() => onSave(withoutMapping(settings, r.sheet))}
          />
        ))}
      </ul>
      {orphans.length > 0 && (
        <>
          <Text size={200} as="p">
            Saved mappings for sheets not in this workbook:
          </Text>
          <ul className={s.list}>
            {orphans.map((m) => (
              <li key={m.sheet} className={s.orphan}>
                <Text size={200}>{m.sheet}</Text>
                <Button size="small" appearance="subtle" disabled={disabled} aria-label={`Remove the mapping for ${m.sheet}`} onClick={() => void onSave(withoutMapping(settings, m.sheet))}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface SheetReadingItemProps {
  reading: SheetReading;
  saved: SheetMapping | undefined;
  disabled: boolean;
  onSaveMapping(mapping: SheetMapping): Promise<boolean>;
  onRemoveMapping(): Promise<boolean>;
}

/** Program sheets (Holidays, the Dependencies register, the add-in's own) are recognised by name or content, not mapped. */
function correctable(r: SheetReading): boolean {
  return r.kind !== 'program';
}

function SheetReadingItem({ reading, saved, disabled, onSaveMapping, onRemoveMapping }: SheetReadingItemProps) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const panelId = useId();
  const [note, setNote] = useState<string | null>(null);
  const r = reading;

  const save = async (m: SheetMapping): Promise<boolean> => {
    const ok = await onSaveMapping(m);
    if (ok) {
      setEditing(false);
      setNote(m.ignore === true ? `Saved: ${r.sheet} is skipped from the next roll-up.` : `Saved. Roll up again to read ${r.sheet} with it.`);
    }
    return ok;
  };
  const remove = async () => {
    if (await onRemoveMapping()) {
      setEditing(false);
      setNote(`Mapping removed. Roll up again to read ${r.sheet} automatically.`);
    }
  };

  return (
    <li>
      <h3 className={s.heading}>
        <Button
          appearance="subtle"
          className={s.toggle}
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <span className={s.title}>
            <span>{r.sheet}</span>
            <span className={s.verdict}>{readingVerdict(r)}</span>
            {saved && (
              <Badge appearance="tint" color="brand" size="small">
                your mapping
              </Badge>
            )}
          </span>
        </Button>
      </h3>
      {/* Closed panels stay mounted (hidden), so an editor's unsaved edits survive closing the item. */}
      <div id={panelId} className={s.panel} hidden={!open}>
        <ReadingDetails reading={r} />
        {note && (
          <Text role="status" size={200}>
            {note}
          </Text>
        )}
        {(correctable(r) || saved) && !editing && (
          <div className={s.actions}>
            {correctable(r) && (
              <Button
                size="small"
                disabled={disabled}
                onClick={() => {
                  setNote(null);
                  setEditing(true);
                }}
              >
                Correct the reading
              </Button>
            )}
            {saved && (
              <Button size="small" appearance="subtle" disabled={disabled} onClick={() => void remove()}>
                Go back to automatic
              </Button>
            )}
          </div>
        )}
        {editing && <MappingEditor reading={r} saved={saved} disabled={disabled} onSave={save} onCancel={() => setEditing(false)} />}
      </div>
    </li>
  );
}

function ReadingDetails({ reading: r }: { reading: SheetReading }) {
  const s = useStyles();
  const header = headerRowText(r);
  const isTable = r.kind === 'project' || r.kind === 'projects';
  const rowKeys = stableKeys(r.skippedRows.map((x) => `${x.rows}|${x.reason}`));
  const noteKeys = stableKeys(r.notes);
  return (
    <div className={s.details}>
      {r.reason !== undefined && <Text size={200}>{r.kind === 'skipped' ? `Skipped: ${r.reason}` : r.reason}</Text>}
      {header !== null && (
        <Text size={200}>
          <span className={s.label}>Header:</span> {header}
          {r.mappingSource === 'settings' ? ' (from your mapping)' : ''}
        </Text>
      )}
      {r.columns.length > 0 && (
        <>
          <Text size={200} className={s.label}>
            Columns
          </Text>
          <ul className={s.list}>
            {r.columns.map((c) => (
              <li key={`${c.column}|${c.field}`}>
                {c.column}: {fieldLabel(c.field)} ("{c.heading}")
              </li>
            ))}
          </ul>
        </>
      )}
      {r.ignoredColumns.length > 0 && (
        <>
          <Text size={200} className={s.label}>
            Not read
          </Text>
          <ul className={s.list}>
            {r.ignoredColumns.map((c) => (
              <li key={`${c.column}|${c.heading}`}>
                {c.column} "{c.heading}": {c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {isTable && (
        <Text size={200}>
          <span className={s.label}>Task IDs:</span> {ID_SCHEME_TEXT[r.idScheme]}
        </Text>
      )}
      {r.dateConventions.length > 0 && (
        <>
          <Text size={200} className={s.label}>
            Dates
          </Text>
          <ul className={s.list}>
            {r.dateConventions.map((d) => (
              <li key={d.column}>
                {d.column} "{d.heading}": {conventionText(d.convention)}
                {d.note !== undefined ? ` (${d.note})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {isTable && <Text size={200}>{countsText(r)}</Text>}
      {r.skippedRows.length > 0 && (
        <>
          <Text size={200} className={s.label}>
            Rows not read as tasks
          </Text>
          <ul className={s.list}>
            {r.skippedRows.map((x, i) => (
              <li key={rowKeys[i]}>
                {x.rows.includes('-') || x.rows.includes(',') ? 'Rows' : 'Row'} {x.rows}: {x.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.notes.length > 0 && (
        <>
          <Text size={200} className={s.label}>
            Notes
          </Text>
          <ul className={s.list}>
            {r.notes.map((n, i) => (
              <li key={noteKeys[i]}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
