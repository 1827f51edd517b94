using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Grains.Tests.Feed;

/// <summary>
/// A silo killed with SIGKILL in the middle of a fan-out delivers the post to every follower after it
/// restarts: the post stays in the author's fan-out grain's stored queue until every push has returned (and
/// the grain's pending-work reminder with it), a push returns once the timeline is stored, and timelines
/// ignore entries they hold. Every follower's timeline is stored before the
/// post, so one that missed the push could not find the post by rebuilding itself from the graph: only the
/// redelivered fan-out brings it. The kill is timed from outside, by reading the stored timelines while the
/// silo writes them.
/// </summary>
public sealed class FanoutCrashSpecification
{
    private const int Followers = 20_000;
    private const long PostId = 9_000_000_001;

    [Fact]
    public async Task A_fan_out_interrupted_by_a_crash_reaches_every_follower_after_restart()
    {
        using var data = new TestDirectory("fanout-crash");
        // Pushed, not pulled: the author stays below the celebrity threshold.
        var environment = new Dictionary<string, string> { ["INSTAGRAM_DATA_DIR"] = data.Path, ["Feed__CelebrityThreshold"] = "1000000" };
        var followers = Followers.ToString(CultureInfo.InvariantCulture);
        var postId = PostId.ToString(CultureInfo.InvariantCulture);

        await using (var seed = DotnetProcess.Start("Silo.CrashHost.dll", ["fanout-seed", followers], environment))
        {
            await FinishedAsync(seed, "seeded");
        }

        long storedBeforeKill;
        await using (var first = DotnetProcess.Start("Silo.CrashHost.dll", ["fanout-publish", postId], environment))
        {
            await first.WaitForLineAsync("published");
            storedBeforeKill = await Eventually.ValueAsync(() => TimelinesHoldingAsync(data.Path), count => count > 0 || first.HasExited, "the fan-out is under way");
            first.ThrowIfExited("before the fan-out was under way");
            await first.KillAsync();
        }

        var stored = await TimelinesHoldingAsync(data.Path);
        Assert.InRange(stored, storedBeforeKill, Followers - 1); // killed with some followers reached and others not

        await using var second = DotnetProcess.Start("Silo.CrashHost.dll", ["fanout-await", followers, postId], environment);
        await FinishedAsync(second, $"reached {followers} of {followers}");
    }

    /// <summary>Follower timelines whose stored state holds the post (the author's own timeline not counted).</summary>
    private static async Task<long> TimelinesHoldingAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "instagram.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM grain_state WHERE grain_type = 'timeline' AND grain_key <> '1' AND CAST(payload AS TEXT) LIKE @post";
        count.Parameters.AddWithValue("@post", $"%{PostId}%");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Waits for a command that ends by itself, and for its last word.</summary>
    private static async Task FinishedAsync(DotnetProcess command, string line)
    {
        await Eventually.TrueAsync(() => command.Lines.Contains(line) || command.HasExited, $"the command prints '{line}'", TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => command.Lines.Contains(line), $"'{line}' among: {string.Join('\n', command.Lines)}", TimeSpan.FromSeconds(5));
    }
}
