using Instagram.Grains.DurableWork;
using Instagram.Grains.Identity;

namespace Instagram.Grains.Sessions;

/// <summary>
/// Holds one user's <see cref="SessionBook"/> in Orleans grain storage. Every change is written before it is
/// answered, so a rotated refresh token or a logout survives a crash; checks are read-only and interleave,
/// since every authenticated request asks one.
/// </summary>
[GrainType("sessions")]
public sealed class SessionsGrain(
    [PersistentState("sessions")] IPersistentState<SessionBook> book,
    SnowflakeIdGenerator ids,
    TimeProvider clock) : Grain, ISessionsGrain
{
    public async Task<SessionTicket> StartAsync(string client, DateTimeOffset expiresAt)
    {
        var ticket = book.State.Start(ids.NextId(), client, clock.GetUtcNow(), expiresAt);
        await SaveAsync();
        return ticket;
    }

    public async Task<RefreshOutcome> RefreshAsync(long sessionId, int generation, DateTimeOffset expiresAt)
    {
        var outcome = book.State.Refresh(sessionId, generation, clock.GetUtcNow(), expiresAt);
        if (outcome.Status != RefreshStatus.Ended)
        {
            await SaveAsync();
        }

        return outcome;
    }

    public Task<bool> IsActiveAsync(long sessionId) => Task.FromResult(book.State.IsActive(sessionId, clock.GetUtcNow()));

    public Task<IReadOnlyList<SessionSummary>> ListAsync() => Task.FromResult(book.State.List(clock.GetUtcNow()));

    public async Task<bool> RevokeAsync(long sessionId)
    {
        var revoked = book.State.Revoke(sessionId, clock.GetUtcNow());
        if (revoked)
        {
            await SaveAsync();
        }

        return revoked;
    }

    public async Task RevokeAllAsync()
    {
        if (book.RecordExists)
        {
            await this.DeactivateOnFailureAsync(() => book.ClearStateAsync());
        }

        book.State = new SessionBook();
    }

    // A write that fails leaves memory ahead of storage: deactivate, so the next call starts from what is stored.
    private Task SaveAsync() => this.DeactivateOnFailureAsync(() => book.WriteStateAsync());
}
