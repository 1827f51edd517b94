using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks.Scenarios;

/// <summary>One measured scenario and the baseline its throughput is compared with (none for a baseline).</summary>
internal sealed record CallRow(string Scenario, int Outstanding, MeasuredWindow Measured, CallRow? Baseline = null);
