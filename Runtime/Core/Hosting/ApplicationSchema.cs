using Runtime.Storage.Relational;

namespace Runtime.Hosting;

/// <summary>
/// Tables an application keeps next to the runtime's in the same database (so that a row and the stream
/// events it causes commit together). Migrated at start-up in the storage stage, after the runtime's
/// schema, and recorded in <c>schema_migrations</c> under <paramref name="Component"/>.
/// </summary>
/// <param name="Database">Which database.</param>
/// <param name="Component">A name for this group of tables, e.g. <c>media</c>; versions count per component.</param>
/// <param name="MigrationsFor">The migrations in a dialect (<c>sqlite</c> or <c>postgres</c>).</param>
public sealed record ApplicationSchema(DatabaseSpec Database, string Component, Func<string, IReadOnlyList<SchemaMigration>> MigrationsFor);
