/**
 * Offline manifest validation: what the store validator (which posts to an online service) would reject.
 * Pages are checked against the file names the webpack build emits (taskpane.html, commands.html).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const DEV_ORIGIN = 'https://localhost:3000';
/** Pages the production build emits (webpack HtmlWebpackPlugin filenames) and their sources. */
const BUILT_PAGES: Record<string, string> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
};

type Node = Record<string, unknown>;
const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true }).parse(xml) as Node[];
const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, _path, _leaf, isAttribute) => !isAttribute }).parse(xml) as Node;

function childTags(nodes: Node[]): string[] {
  return nodes.flatMap((n) => Object.keys(n).filter((k) => k !== ':@' && k !== '#text' && k !== '?xml' && k !== '#comment'));
}
function officeAppChildren(): string[] {
  const app = ordered.find((n) => 'OfficeApp' in n);
  if (!app) throw new Error('no OfficeApp root');
  return childTags(app.OfficeApp as Node[]);
}
/** Every attribute value in the document, with the attribute's name. */
function allAttributes(): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.startsWith('@') && typeof child === 'string') out.push({ name: k.slice(1), value: child });
        else walk(child);
      }
    }
  };
  walk(tree);
  return out;
}
/** Values of the `id` attribute on elements named `tag` (any namespace prefix). */
function elementIds(tag: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown, name: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, name));
    else if (v && typeof v === 'object') {
      const o = v as Node;
      if (name.replace(/^.*:/, '') === tag && typeof o['@id'] === 'string') out.push(o['@id']);
      for (const [k, child] of Object.entries(o)) if (!k.startsWith('@')) walk(child, k);
    }
  };
  walk(tree, '');
  return out;
}
function text(path: string[]): string {
  let v: unknown = [tree];
  for (const p of path) v = (v as Node[])[0][p];
  const first = (v as unknown[])[0];
  return typeof first === 'string' ? first : String((first as Node)['#text']);
}

describe('manifest.xml (offline validation)', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('agrees with the command page on the shared runtime (the ribbon command opens the pane only with one)', () => {
    const commands = readFileSync(join(ROOT, 'src/commands/commands.ts'), 'utf8');
    const declared = /const MANIFEST_DECLARES_SHARED_RUNTIME = (true|false);/.exec(commands)?.[1];
    expect(declared).toBe(/<Runtimes>/.test(xml) ? 'true' : 'false');
  });

  it('has a GUID id and a four-part version', () => {
    expect(text(['OfficeApp', 'Id'])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(['OfficeApp', 'Version'])).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
  });

  it('lists the required elements in schema order', () => {
    const schemaOrder = [
      'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
      'VersionOverrides',
    ];
    const required = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const children = officeAppChildren();
    for (const r of required) expect(children).toContain(r);
    for (const c of children) expect(schemaOrder).toContain(c);
    const positions = children.map((c) => schemaOrder.indexOf(c));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('is an Excel task pane with ReadWriteDocument and ExcelApi 1.7', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(text(['OfficeApp', 'Permissions'])).toBe('ReadWriteDocument');
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
  });

  it('puts "Roll up" (function command rollUp) and "Rollup pane" (task pane) on the Home tab', () => {
    expect(elementIds('OfficeTab')).toEqual(['TabHome']);
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>rollUp<\/FunctionName>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(xml).toMatch(/id="RollUp.Label" DefaultValue="Roll up"/);
    expect(xml).toMatch(/id="ShowPane.Label" DefaultValue="Rollup pane"/);
  });

  it('defines every resource id once and every resid it uses', () => {
    const defined = ['Image', 'Url', 'String'].flatMap(elementIds);
    expect(defined.length).toBeGreaterThan(0);
    expect(new Set(defined).size).toBe(defined.length);
    const used = allAttributes().filter((a) => a.name === 'resid').map((a) => a.value);
    expect(used.length).toBeGreaterThan(0);
    for (const r of used) expect(defined).toContain(r);
    // resids are limited to 32 characters by the schema.
    for (const r of defined) expect(r.length).toBeLessThanOrEqual(32);
  });

  it('resolves every URL to an icon in assets/ or a page the build emits', () => {
    // URLs the host fetches: DefaultValue attributes and AppDomain entries (namespaces are not fetched).
    const urls = [
      ...allAttributes().filter((a) => a.name === 'DefaultValue' && /^https?:/.test(a.value)).map((a) => a.value),
      ...[...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(DEV_ORIGIN)).toBe(true);
      const path = url.slice(DEV_ORIGIN.length).replace(/^\//, '');
      if (path === '') continue; // AppDomain
      if (path.startsWith('assets/')) {
        expect(existsSync(join(ROOT, path))).toBe(true);
      } else {
        expect(Object.keys(BUILT_PAGES)).toContain(path);
      }
    }
  });

  it('has icons of the sizes it declares (16, 32, 64, 80 px)', () => {
    const iconUrl = (xml.match(/<IconUrl DefaultValue="([^"]+)"/) ?? [])[1];
    const hiRes = (xml.match(/<HighResolutionIconUrl DefaultValue="([^"]+)"/) ?? [])[1];
    const declared: { size: number; url: string }[] = [{ size: 32, url: iconUrl }, { size: 64, url: hiRes }];
    for (const m of xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="([^"]+)"/g)) declared.push({ size: Number(m[1]), url: m[2] });
    expect(new Set(declared.map((d) => d.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { size, url } of declared) {
      const png = PNG.sync.read(readFileSync(join(ROOT, url.slice(DEV_ORIGIN.length + 1))));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('maps its pages to the sources the build turns into taskpane.html and commands.html', () => {
    const pages = new Set([...xml.matchAll(/localhost:3000\/([a-z]+\.html)/g)].map((m) => m[1]));
    expect(pages).toEqual(new Set(Object.keys(BUILT_PAGES)));
    // The build config (owned by another module) must emit exactly these names when it exists.
    const webpackConfig = join(ROOT, 'webpack.config.js');
    if (existsSync(webpackConfig)) {
      const config = readFileSync(webpackConfig, 'utf8');
      for (const name of Object.keys(BUILT_PAGES)) expect(config).toContain(name);
    }
  });
});
