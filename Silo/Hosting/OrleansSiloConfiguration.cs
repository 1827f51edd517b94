using System.Net;
using System.Net.Sockets;
using Instagram.Silo.Storage;
using Instagram.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Instagram.Silo.Hosting;

/// <summary>
/// Orleans' providers for each storage choice, as one builder chain per mode:
/// <list type="bullet">
/// <item><b>SQLite</b> (embedded): one silo with localhost clustering; grain state in our
/// <see cref="SqliteGrainStorage"/> (group commit); reminders through Orleans' ADO.NET provider.</item>
/// <item><b>PostgreSQL</b> (cluster): Orleans' ADO.NET clustering, grain state and reminders.</item>
/// </list>
/// Grain state is System.Text.Json without type names, so a renamed class still reads old rows.
/// </summary>
public static class OrleansSiloConfiguration
{
    /// <summary>Grain storage the grains use (their <c>[PersistentState]</c> names no other).</summary>
    public const string GrainStorage = "Default";

    // Microsoft.Data.Sqlite serves this invariant name in Orleans' ADO.NET providers.
    private const string SqliteInvariant = "System.Data.SQLite";
    private const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// How the silo finds its cluster: alone on localhost (SQLite), or through the membership table in
    /// PostgreSQL; its cluster and service IDs and its endpoints.
    /// </summary>
    public static ISiloBuilder UseInstagramClustering(this ISiloBuilder silo, StorageChoice storage, OrleansOptions options)
    {
        var siloPort = options.SiloPort is 0 ? FreeLoopbackPort() : options.SiloPort;
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        if (storage.Kind == DatabaseKind.Sqlite)
        {
            return silo.UseLocalhostClustering(siloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        if (!IPAddress.TryParse(options.AdvertisedAddress, out var advertised))
        {
            throw new OptionsValidationException(OrleansOptions.SectionName, typeof(OrleansOptions),
                [$"Orleans:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address."]);
        }

        silo.ConfigureEndpoints(advertised, siloPort, options.GatewayPort);
        return silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = PostgresInvariant;
            clustering.ConnectionString = storage.ConnectionString;
        });
    }

    /// <summary>Grain state and reminders in the chosen database, grain state as System.Text.Json.</summary>
    public static ISiloBuilder UseInstagramStorage(this ISiloBuilder silo, StorageChoice storage)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        if (storage.Kind == DatabaseKind.Sqlite)
        {
            silo.Services.AddGrainStorage(GrainStorage, static (services, name) => new SqliteGrainStorage(
                name,
                (SqliteDatabase)services.GetRequiredService<RelationalDatabase>(),
                services.GetRequiredService<IGrainStorageSerializer>(),
                services.GetRequiredService<IActivatorProvider>(),
                services.GetRequiredService<TimeProvider>()));
        }
        else
        {
            silo.AddAdoNetGrainStorage(GrainStorage, state =>
            {
                state.Invariant = PostgresInvariant;
                state.ConnectionString = storage.ConnectionString;
            });
        }

        return silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = storage.Kind == DatabaseKind.Sqlite ? SqliteInvariant : PostgresInvariant;
            reminders.ConnectionString = storage.ConnectionString;
        });
    }

    /// <summary>A port nothing listens on now (the OS picks it). Orleans cannot bind port 0 itself.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
