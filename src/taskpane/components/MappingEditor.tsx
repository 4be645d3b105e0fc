/**
 * The correction form for one sheet: pre-filled with how the sheet was read, so the user changes only what is
 * wrong. `parseMappingForm` decides what is saved; nothing invalid reaches `onSave`.
 */
import { useState } from 'react';
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetReading } from '../../core/model';
import type { SheetMapping } from '../../core/settings';
import { useValidatedSave } from './use-validated-save';
import { fieldLabel, mappingFormFor, offersProjectId, parseMappingForm, type MappingErrorKey, type MappingErrors, type MappingForm } from '../mapping-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  columns: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'start',
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  // Fluent inputs have a min-width wider than half a 320 px pane.
  input: { minWidth: 0, width: '100%' },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export interface MappingEditorProps {
  reading: SheetReading;
  /** The mapping already saved for this sheet, if any. */
  saved: SheetMapping | undefined;
  disabled: boolean;
  /** Resolves true when stored; the caller reports failures (in the pane's MessageBar). */
  onSave(mapping: SheetMapping): Promise<boolean>;
  onCancel(): void;
}

export function MappingEditor({ reading, saved, disabled, onSave, onCancel }: MappingEditorProps) {
  const s = useStyles();
  const [form, setForm] = useState<MappingForm>(() => mappingFormFor(reading, saved));
  const { errors, saving, save } = useValidatedSave<SheetMapping, MappingErrors>(() => {
    const parsed = parseMappingForm(form, reading, saved);
    return 'errors' in parsed ? parsed : { value: parsed.mapping };
  }, onSave);
  const set = <K extends keyof MappingForm>(k: K, v: MappingForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setColumn = (field: string, v: string) => setForm((f) => ({ ...f, columns: { ...f.columns, [field]: v } }));

  const state = (k: MappingErrorKey) => (errors[k] ? 'error' : 'none');
  const off = disabled || form.ignore;
  return (
    <form
      className={s.form}
      aria-label={`Correct the reading of ${reading.sheet}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Checkbox label="Not a project sheet (skip it)" checked={form.ignore} disabled={disabled} onChange={(_, d) => set('ignore', d.checked === true)} />
      <Field label="Header row" hint="The row of the column headings; empty: found automatically." validationMessage={errors.headerRow} validationState={state('headerRow')}>
        <Input inputMode="numeric" value={form.headerRow} onChange={(_, d) => set('headerRow', d.value)} disabled={off} />
      </Field>
      <fieldset className={s.columns}>
        <legend className={s.legend}>Columns (letters; empty: found automatically)</legend>
        {Object.keys(form.columns).map((field) => (
          <Field key={field} label={fieldLabel(field)} validationMessage={errors[`column:${field}`]} validationState={state(`column:${field}`)}>
            <Input className={s.input} value={form.columns[field]} onChange={(_, d) => setColumn(field, d.value)} disabled={off} />
          </Field>
        ))}
      </fieldset>
      <Field label="Date order" hint="How this sheet's text dates such as 03/04/26 are read.">
        <Select value={form.dateOrder} onChange={(_, d) => set('dateOrder', d.value === 'MDY' || d.value === 'DMY' || d.value === 'YMD' ? d.value : '')} disabled={off}>
          <option value="">As read (per column)</option>
          <option value="MDY">Month/day/year</option>
          <option value="DMY">Day/month/year</option>
          <option value="YMD">Year/month/day</option>
        </Select>
      </Field>
      {(offersProjectId(reading) || saved?.projectId !== undefined) && (
        <Field label="Project ID" hint="Empty: from the sheet, else its name." validationMessage={errors.projectId} validationState={state('projectId')}>
          <Input value={form.projectId} onChange={(_, d) => set('projectId', d.value)} disabled={off} />
        </Field>
      )}
      {errors.form && (
        <span role="alert" className={s.error}>
          {errors.form}
        </span>
      )}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={disabled || saving}>
          {saving ? 'Saving…' : 'Save mapping'}
        </Button>
        <Button size="small" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
