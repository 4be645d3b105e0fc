import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The core must stay pure: no Office, React or file-format library may be imported under src/core.
const FORBIDDEN = /from\s+['"](exceljs|jszip|react|react-dom|@fluentui\/[^'"]+|@microsoft\/office-js|office-js)['"]|\bExcel\.run\b|\bOffice\.(onReady|context)\b/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('src/core purity', () => {
  const files = filesUnder(join(__dirname, '../../src/core')).filter((f) => /\.tsx?$/.test(f));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s imports no Office, React or file-format code', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(FORBIDDEN);
  });
});
