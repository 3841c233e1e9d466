import { describe, expect, it } from 'vitest';
import { dependencyOrder, parentsFirst, quoteIdent, rowQuery, type TableInfo } from './catalog.js';

const table = (name: string, references: string[] = []): TableInfo => ({ name, columns: [{ name: 'id', type: 'uuid' }], orderBy: ['"id"'], references });

describe('backup catalog', () => {
  it('orders tables after the tables they reference, alphabetically among equals', () => {
    const order = dependencyOrder([table('consent', ['consultation']), table('consultation', ['agency', 'municipality']), table('agency', ['municipality']), table('municipality'), table('audit_event')]);
    expect(order.map((t) => t.name)).toEqual(['audit_event', 'municipality', 'agency', 'consultation', 'consent']);
  });

  it('refuses a foreign-key cycle instead of loading in a wrong order', () => {
    expect(() => dependencyOrder([table('a', ['b']), table('b', ['a'])])).toThrow(/循環/);
  });

  it('quotes identifiers and reads rows as text in key order', () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(rowQuery({ name: 'person', columns: [{ name: 'person_id', type: 'uuid' }, { name: 'name', type: 'text' }], orderBy: ['"person_id"'], references: [] })).toBe(
      'select array_to_json(array["person_id"::text, "name"::text]::text[])::text as line from "person" order by "person_id"',
    );
  });

  it('puts parents before children in a self-referencing table (area → parent area), keeping the rest in place', () => {
    const rows = [
      ['m', 'a1', 'a3'],
      ['m', 'a2', null],
      ['m', 'a3', 'a2'],
      ['m', 'a4', 'missing'],
      ['m', 'a5', 'a5'],
    ].map((r) => JSON.stringify(r));
    const ordered = parentsFirst(rows, [{ from: [0, 2], to: [0, 1] }]).map((l) => (JSON.parse(l) as string[])[1]);
    expect(ordered).toEqual(['a2', 'a3', 'a1', 'a4', 'a5']);
  });
});
