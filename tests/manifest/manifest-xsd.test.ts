/**
 * manifest.xml against Microsoft's task-pane manifest schemas (OfficeAppManifestV1_1.xsd and its imports),
 * offline: libxml2's xmllint compiled to WebAssembly (xmllint-wasm), no network, no system package.
 * Origin, licence and the two changes made to the vendored schemas: tests/manifest/schemas/README.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const ROOT = join(__dirname, '..', '..');
const SCHEMAS = join(__dirname, 'schemas');
const MAIN = 'OfficeAppManifestV1_1.xsd';
/** Our stub is loaded under the name Microsoft's schema imports (see the stub's header). */
const STUB = 'stub-ContentAppVersionOverrides.xsd';
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

const schemaFiles: XMLFileInfo[] = readdirSync(SCHEMAS)
  .filter((f) => f.endsWith('.xsd'))
  .map((f) => ({ fileName: f === STUB ? 'ContentAppVersionOverridesV1_0.xsd' : f, contents: readFileSync(join(SCHEMAS, f), 'utf8') }));

/** The schema validity errors for a manifest text; [] when valid. A schema that fails to compile rejects. */
async function schemaErrors(xml: string): Promise<string[]> {
  const main = schemaFiles.find((f) => f.fileName === MAIN);
  if (!main) throw new Error(`${MAIN} is missing from ${SCHEMAS}`);
  const result = await validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: main,
    preload: schemaFiles.filter((f) => f !== main),
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}

// The WebAssembly xmllint starts a worker per call; slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe('manifest.xml against the official task-pane XSD', () => {
  it('is valid', async () => {
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it('rejects a misplaced OfficeApp element (Permissions before DefaultSettings)', async () => {
    const permissions = '  <Permissions>ReadWriteDocument</Permissions>\n';
    expect(manifest).toContain(permissions);
    const moved = manifest.replace(permissions, '').replace('  <DefaultSettings>', `${permissions}  <DefaultSettings>`);
    const errors = await schemaErrors(moved);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Element '\{http:\/\/schemas\.microsoft\.com\/office\/appforoffice\/1\.1\}Permissions': This element is not expected/);
  });

  it('rejects a misplaced element inside VersionOverrides (a Supertip with Description before Title)', async () => {
    const tip = /<Supertip>\s*(<Title [^>]*\/>)\s*(<Description [^>]*\/>)/;
    expect(manifest).toMatch(tip);
    const errors = await schemaErrors(manifest.replace(tip, '<Supertip>$2$1'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/taskpaneappversionoverrides\}Description': This element is not expected/);
  });

  it('rejects an element the schema does not know', async () => {
    const errors = await schemaErrors(manifest.replace('<ProviderName>', '<Provider>').replace('</ProviderName>', '</Provider>'));
    expect(errors[0]).toMatch(/\}Provider': This element is not expected/);
  });
});
