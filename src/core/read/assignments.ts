/**
 * Who works on a task, from its resource (owner) cell: MS Project's Resource Names syntax ("Ana[50%]; Bo"),
 * or plain names separated by commas or semicolons. People are matched across case and spacing, and
 * "Last, First" is read as "First Last" only where that cannot mean two people: the program must know the
 * full name and must not know either half as a person of its own.
 */

export interface Assignment {
  /** Matching key: lower case, single spaces, "first last" order. */
  key: string;
  /** The name as first written, in "First Last" order. */
  name: string;
  /** Share of the person's working day (1 = full time); from "[50%]". */
  units: number;
}

interface Token {
  name: string;
  units: number;
  /** Written "Last, First" inside one semicolon-separated part: certainly one person. */
  lastFirst: boolean;
}

export function personKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[.\s]+/g, ' ').trim();
}

/** "Ana[50%]" -> { name: "Ana", units: 0.5 }; "Bo (25 %)" too; no bracket = full time. */
function unitsOf(part: string): { name: string; units: number } {
  const m = /^(.*?)\s*[[(]\s*(\d+(?:[.,]\d+)?)\s*%?\s*[\])]\s*$/.exec(part);
  if (m === null) return { name: part.trim(), units: 1 };
  const n = Number(m[2].replace(',', '.'));
  // "[0.5]" is a fraction; "[50]" and "[50%]" are percentages.
  const units = /%/.test(part) || n > 1 ? n / 100 : n;
  return { name: m[1].trim(), units: Number.isFinite(units) && units > 0 ? units : 1 };
}

/** Splits a cell into tokens, before the program-wide "Last, First" decision. */
export function tokenize(text: string): Token[] {
  const t = text.trim();
  if (t === '') return [];
  const semicolons = t.includes(';');
  const parts = t.split(semicolons ? ';' : /[,\n]/);
  const out: Token[] = [];
  for (const raw of parts) {
    // Whitespace runs collapsed first: the unit pattern then stays linear on any cell (32,767 spaces too).
    const p = raw.replace(/\s+/g, ' ').trim();
    if (p === '') continue;
    const { name, units } = unitsOf(p);
    if (name === '') continue;
    const comma = semicolons ? /^([^,]+),\s*([^,]+)$/.exec(name) : null;
    if (comma) out.push({ name: `${comma[2].trim()} ${comma[1].trim()}`, units, lastFirst: true });
    else out.push({ name, units, lastFirst: false });
  }
  return out;
}

/**
 * Resolves resource cells program-wide. `learn` every cell (and the Capacity table's names) first, then
 * `resolve`: a comma-only cell "Souza, Ana" is one person "Ana Souza" when the program knows that name and
 * knows nobody called just "Souza" or "Ana"; otherwise it stays two people, as written.
 */
export class PeopleDirectory {
  private readonly full = new Map<string, string>();
  private readonly single = new Set<string>();
  private readonly cache = new Map<string, Assignment[]>();
  /** Each distinct cell is split once (learn, then resolve, read the same tokens), each name keyed once. */
  private readonly tokenCache = new Map<string, Token[]>();
  private readonly keyCache = new Map<string, string>();

  private tokens(text: string): Token[] {
    let tokens = this.tokenCache.get(text);
    if (tokens === undefined) {
      tokens = tokenize(text);
      this.tokenCache.set(text, tokens);
    }
    return tokens;
  }

  private key(name: string): string {
    let key = this.keyCache.get(name);
    if (key === undefined) {
      key = personKey(name);
      this.keyCache.set(name, key);
    }
    return key;
  }

  learn(text: string): void {
    const tokens = this.tokens(text);
    // In a comma list of several names, a one-word name may be half of "Last, First": it proves nobody.
    const uncertain = tokens.length > 1 && !text.includes(';');
    for (const tok of tokens) if (!uncertain || this.key(tok.name).includes(' ')) this.know(tok.name);
  }

  know(name: string): void {
    const key = this.key(name);
    if (key === '') return;
    if (key.includes(' ')) {
      if (!this.full.has(key)) this.full.set(key, name.replace(/\s+/g, ' ').trim());
    } else this.single.add(key);
  }

  /** Display name for a key (the first spelling seen). */
  nameOf(key: string): string {
    return this.full.get(key) ?? key;
  }

  resolve(text: string): Assignment[] {
    const hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    const tokens = this.tokens(text);
    const out: Assignment[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const a = tokens[i];
      const b = tokens[i + 1];
      // Two one-word names in a comma list may be "Last, First": merge only when unambiguous.
      if (!text.includes(';') && b !== undefined && !this.key(a.name).includes(' ') && !this.key(b.name).includes(' ') && a.units === 1) {
        const key = personKey(`${b.name} ${a.name}`);
        if (this.full.has(key) && !this.single.has(this.key(a.name)) && !this.single.has(this.key(b.name))) {
          out.push({ key, name: this.nameOf(key), units: b.units });
          i++;
          continue;
        }
      }
      const key = this.key(a.name);
      out.push({ key, name: this.full.get(key) ?? a.name.replace(/\s+/g, ' ').trim(), units: a.units });
    }
    // One person named twice in a cell ("Ana; ana") works once, at the larger share.
    const merged = new Map<string, Assignment>();
    for (const x of out) {
      const prior = merged.get(x.key);
      if (prior === undefined || x.units > prior.units) merged.set(x.key, x);
    }
    const list = [...merged.values()];
    this.cache.set(text, list);
    return list;
  }
}
