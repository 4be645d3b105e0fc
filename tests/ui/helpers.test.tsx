import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { luminance, themeFor } from '../../src/taskpane/theme';
import { classifyError } from '../../src/taskpane/errors';
import { issueKeys } from '../../src/taskpane/components/IssuesSection';

describe('theme follows Office', () => {
  it.each([
    [{ bodyBackgroundColor: '#1F1F1F' }, webDarkTheme],
    [{ bodyBackgroundColor: '#262626' }, webDarkTheme],
    [{ bodyBackgroundColor: '#FFFFFF' }, webLightTheme],
    [{ bodyBackgroundColor: '#E6E6E6' }, webLightTheme],
    [{ bodyBackgroundColor: 'not a colour' }, webLightTheme],
    [undefined, webLightTheme],
  ])('%j', (officeTheme, expected) => {
    expect(themeFor(officeTheme)).toBe(expected);
  });

  it('measures luminance', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('#ZZZZZZ')).toBeNull();
  });
});

describe('error classification for the MessageBar', () => {
  it('treats a cancel as information, not an error', () => {
    expect(classifyError(new DOMException('x', 'AbortError'))).toMatchObject({ intent: 'info', title: 'Roll-up cancelled' });
    expect(classifyError({ code: 'Cancelled', message: 'x' })).toMatchObject({ intent: 'info' });
  });

  it('gives known Office codes a title and a plain sentence', () => {
    expect(classifyError({ code: 'AccessDenied', message: 'raw' })).toMatchObject({ intent: 'error', title: 'The workbook is protected', message: expect.stringMatching(/Unprotect/) });
  });

  it('keeps the user message of an unknown coded error and the text of a plain Error', () => {
    expect(classifyError({ code: 'SHEET_GONE', message: 'The sheet "Platform" was deleted.' })).toMatchObject({ title: 'The roll-up failed', message: 'The sheet "Platform" was deleted.' });
    expect(classifyError(new Error('boom')).message).toMatch(/boom/);
  });
});

describe('issue keys', () => {
  it('are unique even for exact repeats, and stable across calls', () => {
    const a = { severity: 'warning' as const, code: 'X', sheet: 'S', cell: 'A1', message: 'm' };
    const keys = issueKeys([a, { ...a }, { ...a, cell: 'B2' }]);
    expect(new Set(keys).size).toBe(3);
    expect(issueKeys([a, { ...a }, { ...a, cell: 'B2' }])).toEqual(keys);
  });
});
