using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime.Hosting;
using Runtime.Statistics;
using Runtime.Streams;
using Runtime.TestGrains;
using Xunit.Abstractions;

namespace Runtime.Tests.Infrastructure;

/// <summary>A silo hosting the test grains, started for one test and stopped (gracefully) at its end.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host, LogCapture logs)
    {
        _host = host;
        Logs = logs;
    }

    /// <summary>What the silo logged at Information and above.</summary>
    public LogCapture Logs { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public Probe Probe => Services.GetRequiredService<Probe>();

    public IRuntimeStatistics Statistics => Services.GetRequiredService<IRuntimeStatistics>();

    public IStreamProvider Streams => Services.GetRequiredKeyedService<IStreamProvider>("Default");

    /// <param name="database">Storage for state, reminders and streams; none for call-only tests.</param>
    /// <param name="output">Where the silo's warnings go, so a failing test shows them.</param>
    /// <param name="configure">Silo options on top of the test defaults.</param>
    /// <param name="crashPlan">Behaviour of the chirp consumer (tests of crashes).</param>
    /// <param name="streams">Delivery options of the "Default" stream provider.</param>
    public static async Task<TestSilo> StartAsync(
        TestDatabase? database,
        ITestOutputHelper? output = null,
        Action<SiloOptions>? configure = null,
        CrashPlan? crashPlan = null,
        Action<StreamDeliveryOptions>? streams = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logs = new LogCapture();
        builder.Logging.SetMinimumLevel(LogLevel.Information).AddProvider(logs);
        if (output is not null)
        {
            builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
        }

        builder.Services.AddSingleton<Probe>();
        builder.Services.AddSingleton(crashPlan ?? new CrashPlan());
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(CounterGrain).Assembly);
            silo.Configure(options =>
            {
                options.ShutdownTimeout = TimeSpan.FromSeconds(10);
                configure?.Invoke(options);
            });
            if (database is not null)
            {
                silo.AddGrainStorage("Default", database.Spec)
                    .UseReminders(database.Spec, reminders => reminders.MinimumPeriod = TimeSpan.FromSeconds(1))
                    .AddOutboxStreams("Default", database.Spec, delivery =>
                    {
                        delivery.RetryDelay = TimeSpan.FromMilliseconds(50);
                        delivery.PollInterval = TimeSpan.FromMilliseconds(200);
                        streams?.Invoke(delivery);
                    });
            }
        });

        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, logs);
    }

    /// <summary>Stops the host as the host itself does (e.g. on SIGTERM); safe to call more than once.</summary>
    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        // Release any grain still waiting on a test gate, so shutdown can deactivate it.
        Probe.OpenAll();
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
