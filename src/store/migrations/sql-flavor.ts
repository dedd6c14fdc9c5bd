import { PostgresAdapter, sql } from 'kysely';
import type { ColumnDataType, ColumnDefinitionBuilder, Kysely, RawBuilder } from 'kysely';

/** The SQL databases the migrations are written for. */
export type SqlFlavor = 'sqlite' | 'postgres';

/** Which database a Kysely instance talks to, read from its adapter so migrations need no extra argument. */
export function sqlFlavorOf(db: Kysely<unknown>): SqlFlavor {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The few column definitions SQLite and PostgreSQL spell differently. Everything else in the migrations is
 * plain schema-builder SQL both accept (`text`, `integer`, primary/foreign keys, unique, indexes).
 */
export interface FlavorColumns {
  /** Raw bytes: `blob` on SQLite, `bytea` on PostgreSQL. */
  readonly bytes: ColumnDataType;
  /**
   * An auto-generated integer primary key whose values are never reused, so cursors over it (events,
   * outbox) never skip a row: `integer primary key autoincrement` on SQLite, an identity column on PostgreSQL.
   */
  readonly serialKey: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

/** The column definitions for one flavor. */
export function flavorColumns(flavor: SqlFlavor): FlavorColumns {
  if (flavor === 'postgres') {
    return { bytes: 'bytea', serialKey: (column) => column.primaryKey().generatedByDefaultAsIdentity() };
  }
  return { bytes: 'blob', serialKey: (column) => column.primaryKey().autoIncrement() };
}

/**
 * A top-level string field of a JSON text column, as text (null when absent): `json_extract` on SQLite,
 * `->>` on PostgreSQL. For migrations that copy a field out of stored JSON into its own column.
 */
export function jsonTextField(flavor: SqlFlavor, column: string, field: string): RawBuilder<string | null> {
  if (flavor === 'postgres') return sql<string | null>`(${sql.ref(column)}::jsonb ->> ${field})`;
  return sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${field}`})`;
}
