// Reading the DDL a migration emits, per SQL flavor, without a database. Imported by tests only.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Dialect, Migration } from 'kysely';
import type { SqlFlavor } from './sql-flavor.ts';

/** A dialect that compiles real SQL for `flavor` but sends it nowhere, so the DDL can be read. */
export function dryRunDialect(flavor: SqlFlavor): Dialect {
  const postgres = flavor === 'postgres';
  return {
    createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
    createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
  };
}

/** The SQL statements `migration`'s `direction` runs on `flavor`, in order. */
export async function ddlOf(
  migration: Migration,
  flavor: SqlFlavor,
  direction: 'up' | 'down' = 'up',
): Promise<string[]> {
  const statements: string[] = [];
  const db = new Kysely<unknown>({
    dialect: dryRunDialect(flavor),
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  await (direction === 'up' ? migration.up(db) : migration.down?.(db));
  await db.destroy();
  return statements;
}
