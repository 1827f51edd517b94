namespace Instagram.Grains.Idempotency;

/// <summary>
/// Holds one idempotency key's record (see <see cref="IdempotencyRecord"/> for the rules). Not reentrant: the
/// claim of a second attempt waits until the first claim's write is on disk, so it sees the key taken.
/// Records are kept in the runtime's grain storage; an expired one is deleted when its key is next used.
/// </summary>
// A key is mostly used once (a retry comes within seconds or not at all), so an idle activation goes soon.
[CollectionAgeLimit(Minutes = 2)]
public sealed class IdempotencyGrain([PersistentState("record")] IPersistentState<IdempotencyRecord> record) : Grain, IIdempotencyGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.RecordExists && !record.State.IsLive(TimeProvider.GetUtcNow()))
        {
            await record.ClearStateAsync(cancellationToken);
        }
    }

    public async Task<IdempotencyClaim> ClaimAsync(Guid attempt, TimeSpan lease)
    {
        var claim = record.State.Claim(attempt, TimeProvider.GetUtcNow(), lease);
        if (claim.Status == IdempotencyClaimStatus.Granted)
        {
            await WritingAsync(() => record.WriteStateAsync());
        }

        return claim;
    }

    public async Task<bool> CompleteAsync(Guid attempt, RequestFingerprint request, RecordedResponse response, TimeSpan retention)
    {
        if (!record.State.Complete(attempt, request, response, TimeProvider.GetUtcNow(), retention))
        {
            return false;
        }

        await WritingAsync(() => record.WriteStateAsync());
        return true;
    }

    public async Task ReleaseAsync(Guid attempt)
    {
        if (record.State.Holds(attempt))
        {
            await WritingAsync(() => record.ClearStateAsync());
        }
    }

    /// <summary>
    /// A write that failed (a conflicting version, the database gone) may or may not have committed, and the
    /// record in memory has moved on regardless: drop this activation, so the next call starts from the stored row.
    /// </summary>
    private async Task WritingAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
