/**
 * The roll-up settings as a form. Inputs hold text while the user types; `parseSettingsForm` turns the form
 * into settings or a list of plain problems, so nothing invalid is ever saved.
 */
import { useState } from 'react';
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { CUSTOM_PROFILE_NAME, HEALTH_PROFILES, healthProfileName, type DateOrderSetting, type RollupSettings } from '../../core/settings';
import { validateSettings } from '../../core/settings-validate';
import { useValidatedSave } from './use-validated-save';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'end' },
  // Fluent inputs have a min-width wider than half a 320 px pane.
  input: { minWidth: 0, width: '100%' },
  days: { border: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: '1fr 1fr' },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface SettingsForm {
  programName: string;
  statusDate: string;
  indexGreen: string;
  indexAmber: string;
  redPercent: string;
  lateHandoffColor: 'amber' | 'red';
  weekendDays: number[];
  holidaySheet: string;
  atRiskSlackDays: string;
  dateOrder: DateOrderSetting;
}

/** What a Select's value means; anything else (it cannot happen) keeps month first, the default. */
function dateOrderOf(value: string): DateOrderSetting {
  return value === 'DMY' || value === 'YMD' ? value : 'MDY';
}

export function toForm(s: RollupSettings): SettingsForm {
  return {
    programName: s.programName ?? '',
    statusDate: s.statusDate ?? '',
    indexGreen: String(s.health.indexGreen),
    indexAmber: String(s.health.indexAmber),
    redPercent: String(Math.round(s.health.finishVarianceRedFraction * 1000) / 10),
    lateHandoffColor: s.health.lateHandoffColor,
    weekendDays: [...s.weekendDays],
    holidaySheet: s.holidaySheet ?? '',
    atRiskSlackDays: String(s.atRiskSlackDays),
    dateOrder: s.dateOrder,
  };
}

export type FieldName = 'programName' | 'statusDate' | 'indexGreen' | 'indexAmber' | 'redPercent' | 'weekendDays' | 'atRiskSlackDays' | 'form';

export function parseSettingsForm(form: SettingsForm, base: RollupSettings): { settings: RollupSettings } | { errors: Partial<Record<FieldName, string>> } {
  const errors: Partial<Record<FieldName, string>> = {};
  const num = (text: string): number => (text.trim() === '' ? NaN : Number(text));
  if (form.programName.trim().length > 200) errors.programName = 'Use at most 200 characters.';
  if (form.statusDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.statusDate)) errors.statusDate = 'Use a date such as 2026-03-31, or leave empty.';
  const green = num(form.indexGreen);
  const amber = num(form.indexAmber);
  const red = num(form.redPercent);
  const slack = num(form.atRiskSlackDays);
  if (!(green > 0 && green <= 2)) errors.indexGreen = 'Enter a number between 0 and 2, e.g. 0.95.';
  if (!(amber > 0 && amber <= 2)) errors.indexAmber = 'Enter a number between 0 and 2, e.g. 0.90.';
  else if (green > 0 && amber > green) errors.indexAmber = 'Amber must not be above green.';
  if (!(red >= 0 && red <= 100)) errors.redPercent = 'Enter a percentage between 0 and 100.';
  if (!(Number.isInteger(slack) && slack >= 0 && slack <= 365)) errors.atRiskSlackDays = 'Enter whole working days between 0 and 365.';
  if (form.weekendDays.length >= 7) errors.weekendDays = 'At least one day must be a working day.';
  if (Object.keys(errors).length > 0) return { errors };
  const thresholds = { indexGreen: green, indexAmber: amber, finishVarianceRedFraction: red / 100, lateHandoffColor: form.lateHandoffColor };
  const settings: RollupSettings = {
    ...base,
    programName: form.programName.trim() === '' ? null : form.programName.trim(),
    statusDate: form.statusDate === '' ? null : form.statusDate,
    weekendDays: [...form.weekendDays].sort((a, b) => a - b),
    holidaySheet: form.holidaySheet === '' ? null : form.holidaySheet,
    atRiskSlackDays: slack,
    dateOrder: form.dateOrder,
    health: { name: healthProfileName(thresholds), ...thresholds },
  };
  // The core validator is the one the workbook load uses: whatever it would reset, we refuse to save.
  const checked = validateSettings(settings);
  if (checked.problems.length > 0) return { errors: { form: checked.problems.join(' ') } };
  return { settings };
}

export interface SettingsSectionProps {
  settings: RollupSettings;
  /** Sheet names offered as the holiday source. */
  sheetNames: string[];
  disabled: boolean;
  /** Resolves true when the settings were stored; the caller reports failures. */
  onSave(settings: RollupSettings): Promise<boolean>;
}

export function SettingsSection({ settings, sheetNames, disabled, onSave }: SettingsSectionProps) {
  const s = useStyles();
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [saved, setSaved] = useState(false);
  const { errors, saving, save: check } = useValidatedSave<RollupSettings, Partial<Record<FieldName, string>>>(() => {
    const parsed = parseSettingsForm(form, settings);
    return 'errors' in parsed ? parsed : { value: parsed.settings };
  }, onSave);
  const set = <K extends keyof SettingsForm>(k: K, v: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setSaved(false);
  };
  /** The preset the thresholds match now (text that is not a number matches none). */
  const profileName = healthProfileName({
    indexGreen: Number(form.indexGreen),
    indexAmber: Number(form.indexAmber),
    finishVarianceRedFraction: Number(form.redPercent) / 100,
    lateHandoffColor: form.lateHandoffColor,
  });
  const pickProfile = (name: string) => {
    const preset = HEALTH_PROFILES.find((p) => p.name === name);
    if (!preset) return;
    const f = toForm({ ...settings, health: preset });
    setForm((old) => ({ ...old, indexGreen: f.indexGreen, indexAmber: f.indexAmber, redPercent: f.redPercent, lateHandoffColor: f.lateHandoffColor }));
    setSaved(false);
  };
  const holidayOptions = [...new Set([...sheetNames, ...(form.holidaySheet ? [form.holidaySheet] : [])])];

  async function save() {
    setSaved(await check());
  }

  const state = (k: FieldName) => (errors[k] ? 'error' : 'none');
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form
        className={s.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Program name" hint="Empty: the workbook's name." validationMessage={errors.programName} validationState={state('programName')}>
          <Input value={form.programName} onChange={(_, d) => set('programName', d.value)} disabled={disabled} />
        </Field>
        <Field label="Status date" hint="Empty: the sheets' status dates, else today." validationMessage={errors.statusDate} validationState={state('statusDate')}>
          <Input type="date" value={form.statusDate} onChange={(_, d) => set('statusDate', d.value)} disabled={disabled} />
        </Field>
        <Field label="Health profile" hint="Choosing one fills in the thresholds below; changing one makes it Custom.">
          <Select value={profileName} onChange={(_, d) => pickProfile(d.value)} disabled={disabled}>
            {HEALTH_PROFILES.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
            {profileName === CUSTOM_PROFILE_NAME && <option value={CUSTOM_PROFILE_NAME}>{CUSTOM_PROFILE_NAME}</option>}
          </Select>
        </Field>
        <div className={s.pair}>
          <Field label="Green at SPI/CPI ≥" validationMessage={errors.indexGreen} validationState={state('indexGreen')}>
            <Input className={s.input} inputMode="decimal" value={form.indexGreen} onChange={(_, d) => set('indexGreen', d.value)} disabled={disabled} />
          </Field>
          <Field label="Amber at SPI/CPI ≥" validationMessage={errors.indexAmber} validationState={state('indexAmber')}>
            <Input className={s.input} inputMode="decimal" value={form.indexAmber} onChange={(_, d) => set('indexAmber', d.value)} disabled={disabled} />
          </Field>
        </div>
        <Field label="Red when late by more than (% of duration)" validationMessage={errors.redPercent} validationState={state('redPercent')}>
          <Input inputMode="decimal" value={form.redPercent} onChange={(_, d) => set('redPercent', d.value)} disabled={disabled} />
        </Field>
        <Field label="A late hand-off makes the receiving project">
          <Select value={form.lateHandoffColor} onChange={(_, d) => set('lateHandoffColor', d.value === 'red' ? 'red' : 'amber')} disabled={disabled}>
            <option value="amber">Amber</option>
            <option value="red">Red</option>
          </Select>
        </Field>
        <fieldset className={s.days}>
          <legend className={s.legend}>Weekend days</legend>
          {DAY_NAMES.map((name, day) => (
            <Checkbox
              key={name}
              label={name}
              checked={form.weekendDays.includes(day)}
              disabled={disabled}
              onChange={(_, d) => set('weekendDays', d.checked === true ? [...form.weekendDays, day] : form.weekendDays.filter((x) => x !== day))}
            />
          ))}
        </fieldset>
        {errors.form && (
          <span role="alert" className={s.error}>
            {errors.form}
          </span>
        )}
        {errors.weekendDays && (
          <span role="alert" className={s.error}>
            {errors.weekendDays}
          </span>
        )}
        <Field label="Holiday sheet">
          <Select value={form.holidaySheet} onChange={(_, d) => set('holidaySheet', d.value)} disabled={disabled}>
            <option value="">No holidays</option>
            {holidayOptions.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Date order" hint="How a text date such as 03/04/2026 is read when its column does not tell.">
          <Select value={form.dateOrder} onChange={(_, d) => set('dateOrder', dateOrderOf(d.value))} disabled={disabled}>
            <option value="MDY">Month/day/year</option>
            <option value="DMY">Day/month/year</option>
            <option value="YMD">Year/month/day</option>
          </Select>
        </Field>
        <Field label="At risk when hand-off slack is under (working days)" validationMessage={errors.atRiskSlackDays} validationState={state('atRiskSlackDays')}>
          <Input inputMode="numeric" value={form.atRiskSlackDays} onChange={(_, d) => set('atRiskSlackDays', d.value)} disabled={disabled} />
        </Field>
        <div className={s.actions}>
          <Button type="submit" disabled={disabled || saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </Button>
          {saved && <span role="status">Saved in this workbook.</span>}
        </div>
      </form>
    </section>
  );
}
