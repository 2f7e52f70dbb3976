/**
 * The SOQL engine on 100,000 rows: a page of an ORDER BY on an indexed column
 * comes from the index in milliseconds, rows are filtered by SQLite and not in
 * JavaScript, and child subqueries are one statement for all parents.
 */
import { DatabaseSync } from 'node:sqlite';
import { executeSoql } from '../../cli/src/localorg/soql/index.ts';
import type { SoqlContext } from '../../cli/src/localorg/soql/index.ts';
import { API_VERSION, buildSchema, createTables, NOW } from './fixtures/soql/org.ts';

const ROWS = 100_000;
const accountId = (i: number): string => `001${String(i).padStart(12, '0')}AAA`;

let context: SoqlContext;

beforeAll(() => {
  const schema = buildSchema();
  const db = new DatabaseSync(':memory:');
  createTables(db, schema);
  db.exec('BEGIN');
  const account = db.prepare(
    'INSERT INTO "Account" ("Id", "Name", "NumberOfEmployees", "Type", "CreatedDate") VALUES (?, ?, ?, ?, ?)',
  );
  const contact = db.prepare('INSERT INTO "Contact" ("Id", "LastName", "AccountId") VALUES (?, ?, ?)');
  for (let i = 0; i < ROWS; i++) {
    // Names in an order unrelated to insertion, so that sorting has work to do.
    account.run(
      accountId(i),
      `Account ${String((i * 7919) % ROWS).padStart(6, '0')}`,
      i % 1000,
      ['Customer', 'Partner', 'Prospect'][i % 3] ?? null,
      '2026-01-01T00:00:00.000Z',
    );
    if (i % 10 === 0) contact.run(`003${String(i).padStart(12, '0')}AAA`, `Contact ${i}`, accountId(i));
  }
  db.exec('COMMIT');
  context = { schema, db, apiVersion: API_VERSION, now: NOW, includeDeleted: false };
});

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

test('ORDER BY an indexed column with LIMIT returns the first page in milliseconds', () => {
  executeSoql('SELECT Id, Name FROM Account ORDER BY Name LIMIT 10', context); // warm the statement cache
  const { value, ms } = timed(() =>
    executeSoql('SELECT Id, Name, Owner.Name FROM Account ORDER BY Name LIMIT 10', context),
  );
  expect(value.records.map((r) => r.Name)).toEqual(
    Array.from({ length: 10 }, (_, i) => `Account ${String(i).padStart(6, '0')}`),
  );
  expect(ms).toBeLessThan(50);

  const desc = timed(() => executeSoql('SELECT Id, Name FROM Account ORDER BY Name DESC LIMIT 5', context));
  expect(desc.value.records.map((r) => r.Name)).toEqual([
    'Account 099999',
    'Account 099998',
    'Account 099997',
    'Account 099996',
    'Account 099995',
  ]);
  expect(desc.ms).toBeLessThan(50);
});

test('a LIKE prefix, a count and a page with child subqueries stay fast', () => {
  const like = timed(() =>
    executeSoql("SELECT Name FROM Account WHERE Name LIKE 'Account 0999%' ORDER BY Name LIMIT 3", context),
  );
  expect(like.value.records.map((r) => r.Name)).toEqual([
    'Account 099900',
    'Account 099901',
    'Account 099902',
  ]);
  expect(like.ms).toBeLessThan(100);

  const count = timed(() => executeSoql("SELECT COUNT() FROM Account WHERE Type = 'Partner'", context));
  expect(count.value.totalSize).toBe(33_333);
  expect(count.ms).toBeLessThan(200);

  const page = timed(() =>
    executeSoql('SELECT Name, (SELECT LastName FROM Contacts) FROM Account ORDER BY Name LIMIT 200', context),
  );
  expect(page.value.records).toHaveLength(200);
  expect(page.value.records.filter((r) => r.Contacts !== null).length).toBeGreaterThan(0);
  expect(page.ms).toBeLessThan(100);
});

test('every row of a full scan comes back, in creation order', () => {
  const all = timed(() => executeSoql('SELECT Id FROM Account', context));
  expect(all.value.totalSize).toBe(ROWS);
  expect(all.value.records[0]?.Id).toBe(accountId(0));
  expect(all.value.records[ROWS - 1]?.Id).toBe(accountId(ROWS - 1));
  expect(all.ms).toBeLessThan(3000);
});
