namespace Runtime.Tests.Infrastructure;

/// <summary>The storage providers every specification runs against.</summary>
public enum StorageKind
{
    Sqlite,
    Postgres,
}
