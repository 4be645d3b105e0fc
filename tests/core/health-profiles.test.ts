import { CUSTOM_PROFILE_NAME, DEFAULT_SETTINGS, HEALTH_PROFILES, healthProfileName } from '../../src/core/settings';
import { validateSettings } from '../../src/core/settings-validate';
import { rollup } from '../../src/core/rollup';
import { isoToSerial } from '../../src/core/calendar';

describe('health rule profiles', () => {
  it('names every preset by its thresholds, and anything else Custom', () => {
    for (const p of HEALTH_PROFILES) expect(healthProfileName(p)).toBe(p.name);
    expect(new Set(HEALTH_PROFILES.map((p) => p.name)).size).toBe(HEALTH_PROFILES.length);
    expect(healthProfileName({ ...HEALTH_PROFILES[0], indexGreen: 0.96 })).toBe(CUSTOM_PROFILE_NAME);
    expect(healthProfileName({ ...HEALTH_PROFILES[1], lateHandoffColor: 'amber' })).toBe(CUSTOM_PROFILE_NAME);
  });

  it('every preset passes the settings validator unchanged', () => {
    for (const health of HEALTH_PROFILES) {
      const checked = validateSettings({ ...DEFAULT_SETTINGS, health });
      expect(checked.problems).toEqual([]);
      expect(checked.settings.health).toEqual(health);
    }
  });

  it('the same project is green under Lenient, amber under Standard and red under Strict, and the summary says which rules', () => {
    const d = (iso: string): number => isoToSerial(iso) as number;
    // Baseline of 20 working days, 10 elapsed at the status date: PV 5,000. 47 % done: EV 4,700, so SPI 0.94,
    // between Standard's amber (0.90) and green (0.95), above Lenient's green (0.90), below Strict's amber (0.95).
    const grids = [
      {
        sheet: 'Alpha',
        values: [
          ['Project', 'Alpha'],
          ['Status Date', d('2026-11-13')],
          [],
          ['ID', 'Task', 'Baseline Start', 'Baseline Finish', 'Start', 'Finish', 'Actual Start', '% Complete', 'Budget', 'Actual Cost'],
          [1, 'Build', d('2026-11-02'), d('2026-11-27'), d('2026-11-02'), d('2026-11-27'), d('2026-11-02'), 0.47, 10000, 4700],
        ],
      },
    ];
    const now = new Date(Date.UTC(2026, 10, 20));
    const run = (name: string) => {
      const health = HEALTH_PROFILES.find((p) => p.name === name)!;
      return rollup({ grids }, { ...DEFAULT_SETTINGS, health }, now);
    };
    const spi = run('Standard').result.program.spi as number;
    expect(spi).toBeGreaterThan(0.9);
    expect(spi).toBeLessThan(0.95);
    expect(run('Lenient').result.program.health).toBe('green');
    expect(run('Standard').result.program.health).toBe('amber');
    expect(run('Strict').result.program.health).toBe('red');
    const text = run('Strict').plan.sheets[0].blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(text.some((t) => t.startsWith('Health (Strict rules): '))).toBe(true);
  });
});
