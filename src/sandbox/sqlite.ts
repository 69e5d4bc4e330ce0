import type Database from 'better-sqlite3';

/** The bank's database handle (opened, migrated and seeded by `openDatabase` in db.ts). A module of its own, so
 * that the modules db.ts seeds with can name the type without importing db.ts back. */
export type Db = Database.Database;
