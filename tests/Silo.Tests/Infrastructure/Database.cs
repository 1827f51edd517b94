namespace Silo.Tests.Infrastructure;

/// <summary>The two databases every storage specification runs on.</summary>
public enum Database
{
    Sqlite,
    Postgres,
}
