import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

let database: BetterSqlite3.Database;
let prepared: string[];

/** An in-memory database whose `prepare` records the SQL texts it really compiles. */
function countingDatabase(): BetterSqlite3.Database {
  database = new BetterSqlite3(':memory:');
  prepared = [];
  const prepare = database.prepare.bind(database);
  database.prepare = (sqlText: string) => {
    prepared.push(sqlText);
    return prepare(sqlText);
  };
  return database;
}

afterEach(() => {
  if (database.open) database.close();
});

describe('withStatementCache', () => {
  it('prepares each SQL text once and hands back the same statement', () => {
    const cached = withStatementCache(countingDatabase());
    const first = cached.prepare('select 1 as one');
    const again = cached.prepare('select 1 as one');
    cached.prepare('select 2 as two');
    expect(again).toBe(first);
    expect(again.all([])).toEqual([{ one: 1 }]);
    expect(prepared).toEqual(['select 1 as one', 'select 2 as two']);
  });

  it('drops the least recently used statement beyond its capacity', () => {
    const cached = withStatementCache(countingDatabase(), 2);
    cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1'); // now 'select 2' is the least recently used
    cached.prepare('select 3'); // evicts 'select 2'
    cached.prepare('select 1');
    cached.prepare('select 2');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('closes the database', () => {
    const cached = withStatementCache(countingDatabase());
    cached.prepare('select 1');
    cached.close();
    expect(database.open).toBe(false);
  });
});
