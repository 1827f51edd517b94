// Usage: Runtime.CrashHost <sqlite|postgres> <connection string> <stream key> <events> <hang after event>
// Publishes events 1..N to stream ("chirps", key), then hangs inside the delivery of the chosen event
// after the consumer has applied it, printing "applied <n>" for every event applied and "published"
// once all are durably enqueued. The test reads these lines and kills the process.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime.Hosting;
using Runtime.Streams;
using Runtime.TestGrains;

var (dialect, connectionString, streamKey) = (args[0], args[1], args[2]);
var events = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var hangAfter = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
var database = new DatabaseSpec(dialect, connectionString);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<Probe>();
builder.Services.AddSingleton(new CrashPlan { HangAfterNumber = hangAfter, OnApplied = n => Console.Out.WriteLine($"applied {n}") });
builder.Services.AddSilo(silo => silo.AddGrains(typeof(ChirpLogGrain).Assembly).UseDatabase(database));
using var host = builder.Build();
await host.StartAsync();

var stream = host.Services.GetRequiredKeyedService<IStreamProvider>("Default").GetStream<Chirp>(StreamId.Create(ChirpLogGrain.Namespace, streamKey));
for (var number = 1; number <= events; number++)
{
    await stream.OnNextAsync(new Chirp("crash-host", $"chirp {number}", number));
}

Console.Out.WriteLine("published");
await Task.Delay(Timeout.Infinite);
