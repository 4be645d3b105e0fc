import { parseLag, parseOneLink, parsePredecessorCell } from '../../../src/core/read/predecessors';

describe('MS Project predecessor syntax', () => {
  test.each<[string, string | null, string, string, number, 'working' | 'elapsed']>([
    ['12', null, '12', 'FS', 0, 'working'],
    ['12FS', null, '12', 'FS', 0, 'working'],
    ['12fs', null, '12', 'FS', 0, 'working'],
    ['12SS+2d', null, '12', 'SS', 2, 'working'],
    ['12 SS + 2 days', null, '12', 'SS', 2, 'working'],
    ['12FF-1d', null, '12', 'FF', -1, 'working'],
    ['12SF+1w', null, '12', 'SF', 5, 'working'],
    ['12FS+3ed', null, '12', 'FS', 3, 'elapsed'],
    ['12FS+1ew', null, '12', 'FS', 7, 'elapsed'],
    ['12FS+1.5d', null, '12', 'FS', 1.5, 'working'],
    ['1.2.3FS', null, '1.2.3', 'FS', 0, 'working'],
    ['PLAT:12FS+2d', 'PLAT', '12', 'FS', 2, 'working'],
    ["'Platform Build':12", 'Platform Build', '12', 'FS', 0, 'working'],
    ['"Platform Build":7SS', 'Platform Build', '7', 'SS', 0, 'working'],
    ['Platform Build:12', 'Platform Build', '12', 'FS', 0, 'working'],
  ])('%p', (text, project, task, type, lag, lagUnit) => {
    const r = parseOneLink(text);
    expect(r).toEqual({ ok: true, link: { project, task, type, lag, lagUnit, text } });
  });

  test.each(['12 XX', '12FS+', '12FS+2h', ':12', "'':12", '++', '12 FS 3'])('%p is malformed', (text) => {
    expect(parseOneLink(text).ok).toBe(false);
  });

  test('commas and semicolons separate; quoted names may hold them', () => {
    const parts = parsePredecessorCell("1, 2SS; 'Build, Phase 2':4FF-1d;;");
    expect(parts.map((p) => (p.ok ? `${p.link.project ?? ''}|${p.link.task}|${p.link.type}|${p.link.lag}` : 'bad'))).toEqual(['|1|FS|0', '|2|SS|0', 'Build, Phase 2|4|FF|-1']);
  });

  test('register lags', () => {
    expect(parseLag('2d')).toEqual({ lag: 2, lagUnit: 'working' });
    expect(parseLag('-1w')).toEqual({ lag: -5, lagUnit: 'working' });
    expect(parseLag('+3ed')).toEqual({ lag: 3, lagUnit: 'elapsed' });
    expect(parseLag('4')).toEqual({ lag: 4, lagUnit: 'working' });
    expect(parseLag('soon')).toBeNull();
  });
});
