namespace Instagram.Silo.Storage;

/// <summary>
/// A group of tables (a component: <c>orleans</c>, <c>social</c>, <c>posts</c>, <c>media</c>) kept in the
/// node's database, as versioned migrations per dialect (<c>sqlite</c> or <c>postgres</c>). Registered in
/// DI; <see cref="DatabaseMigrations"/> applies them in registration order before the silo starts.
/// </summary>
public sealed record DatabaseSchema(string Component, Func<string, IReadOnlyList<SchemaMigration>> MigrationsFor);
