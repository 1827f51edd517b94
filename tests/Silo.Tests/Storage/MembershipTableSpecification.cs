using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Silo.Tests.Infrastructure;

namespace Silo.Tests.Storage;

/// <summary>
/// Orleans' ADO.NET membership table over our SQL on PostgreSQL: a membership row changes only together
/// with the cluster's version, and only from the version the writer read — so of two silos writing from
/// the same version, exactly one succeeds. Each test works on a cluster of its own beside a running silo.
/// </summary>
public sealed class MembershipTableSpecification : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 8, 12, 0, 0, DateTimeKind.Utc);

    private SiloDatabase _database = null!;
    private AdoNetClusteringTable _table = null!;
    private string _clusterId = null!;

    public async Task InitializeAsync()
    {
        _database = await SiloDatabase.CreateAsync(Database.Postgres);
        await using (await ProductSilo.StartAsync(_database))
        {
            // Started once: it migrated the schema (and joined cluster "instagram", which these tests leave alone).
        }

        _clusterId = "test-" + Guid.NewGuid().ToString("N");
        _table = new AdoNetClusteringTable(
            new EmptyServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "instagram" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = _database.PostgresConnectionString! }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_cluster_starts_at_version_zero_with_no_members()
    {
        var table = await _table.ReadAllAsync(CancellationToken.None);

        Assert.Equal(0, table.Version.Version);
        Assert.Empty(table.Members);
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None); // a second silo starting: nothing changes
        Assert.Equal(0, (await _table.ReadAllAsync(CancellationToken.None)).Version.Version);
    }

    [Fact]
    public async Task A_row_is_inserted_only_from_the_current_version_and_moves_it_on()
    {
        var start = (await _table.ReadAllAsync(CancellationToken.None)).Version;
        Assert.True(await _table.InsertRowAsync(Member(1), start.Next(), CancellationToken.None));

        Assert.False(await _table.InsertRowAsync(Member(2), start.Next(), CancellationToken.None), "inserted from a version that has moved on");
        Assert.False(await _table.InsertRowAsync(Member(1), (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None), "the same silo twice");

        var table = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(start.Version + 1, table.Version.Version);
        var (entry, _) = Assert.Single(table.Members);
        Assert.Equal((Member(1).SiloAddress, SiloStatus.Active, "silo-1", 30001), (entry.SiloAddress, entry.Status, entry.SiloName, entry.ProxyPort));
        Assert.Equal(Now, entry.StartTime.ToUniversalTime());
    }

    [Fact]
    public async Task Of_two_silos_writing_from_the_same_version_exactly_one_succeeds()
    {
        var start = (await _table.ReadAllAsync(CancellationToken.None)).Version;

        var outcomes = await Task.WhenAll(Enumerable.Range(10, 8).Select(i => _table.InsertRowAsync(Member(i), start.Next(), CancellationToken.None)));

        Assert.Equal(1, outcomes.Count(inserted => inserted));
        var table = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Single(table.Members);
        Assert.Equal(start.Version + 1, table.Version.Version);
    }

    [Fact]
    public async Task A_row_is_updated_only_from_the_current_version()
    {
        await _table.InsertRowAsync(Member(1), (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None);
        var read = await _table.ReadRowAsync(Member(1).SiloAddress, CancellationToken.None);
        var (entry, etag) = Assert.Single(read.Members);

        entry.Status = SiloStatus.Dead;
        entry.SuspectTimes = [Tuple.Create(Member(2).SiloAddress, Now)];
        Assert.True(await _table.UpdateRowAsync(entry, etag, read.Version.Next(), CancellationToken.None));
        entry.Status = SiloStatus.Active;
        Assert.False(await _table.UpdateRowAsync(entry, etag, read.Version.Next(), CancellationToken.None), "updated from a version that has moved on");

        var (stored, _) = Assert.Single((await _table.ReadAllAsync(CancellationToken.None)).Members);
        Assert.Equal(SiloStatus.Dead, stored.Status);
        Assert.Equal(Member(2).SiloAddress, Assert.Single(stored.SuspectTimes!).Item1);
        Assert.Equal(read.Version.Version + 1, (await _table.ReadAllAsync(CancellationToken.None)).Version.Version);
    }

    [Fact]
    public async Task Heartbeats_change_no_version_and_defunct_silos_are_cleaned_up()
    {
        await _table.InsertRowAsync(Member(1), (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None);
        await _table.InsertRowAsync(Member(2) with { Status = SiloStatus.Dead }, (await _table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None);
        var version = (await _table.ReadAllAsync(CancellationToken.None)).Version.Version;

        await _table.UpdateIAmAliveAsync(Member(1) with { IAmAliveTime = Now.AddMinutes(5) }, CancellationToken.None);
        var alive = Assert.Single((await _table.ReadRowAsync(Member(1).SiloAddress, CancellationToken.None)).Members).Item1;
        Assert.Equal(Now.AddMinutes(5), alive.IAmAliveTime.ToUniversalTime());
        Assert.Equal(version, (await _table.ReadAllAsync(CancellationToken.None)).Version.Version);

        await _table.CleanupDefunctSiloEntriesAsync(Now.AddMinutes(1), CancellationToken.None);

        // The dead silo, quiet since before the cut-off, is gone; the active one stays whatever its age.
        Assert.Equal([Member(1).SiloAddress], (await _table.ReadAllAsync(CancellationToken.None)).Members.Select(m => m.Item1.SiloAddress));
    }

    private static MembershipEntryValues Member(int silo) => new(
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11000 + silo), 100 + silo),
        SiloStatus.Active,
        IAmAliveTime: Now);

    /// <summary>A membership entry's values, copied into a fresh entry each time (entries are mutable).</summary>
    private sealed record MembershipEntryValues(SiloAddress SiloAddress, SiloStatus Status, DateTime IAmAliveTime)
    {
        public static implicit operator MembershipEntry(MembershipEntryValues values) => new()
        {
            SiloAddress = values.SiloAddress,
            Status = values.Status,
            SiloName = "silo-" + (values.SiloAddress.Endpoint.Port - 11000),
            HostName = "host",
            ProxyPort = 30000 + values.SiloAddress.Endpoint.Port - 11000,
            StartTime = Now,
            IAmAliveTime = values.IAmAliveTime,
        };
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
