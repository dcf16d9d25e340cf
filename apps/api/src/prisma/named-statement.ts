/**
 * A statement run very often, prepared once per connection under its name
 * (PrismaService.sql's `prepareAs`). The hot ones live in files importing
 * nothing at run time, so that `npm run bench`'s SQL references load the built
 * file and run the very same text (scripts/bench/bench.mjs).
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}
