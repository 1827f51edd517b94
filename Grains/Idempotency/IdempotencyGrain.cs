using Instagram.Grains.DurableWork;

namespace Instagram.Grains.Idempotency;

/// <summary>
/// Holds one idempotency key's record (see <see cref="IdempotencyRecord"/> for the rules). Not reentrant: the
/// claim of a second attempt waits until the first claim's write is on disk, so it sees the key taken.
/// Records are kept in Orleans grain storage; an expired one is deleted when its key is next used.
/// </summary>
// A key is mostly used once (a retry comes within seconds or not at all), so an idle activation goes soon.
[CollectionAgeLimit(Minutes = 2)]
[GrainType("idempotency")]
public sealed class IdempotencyGrain([PersistentState("record")] IPersistentState<IdempotencyRecord> record, TimeProvider clock) : Grain, IIdempotencyGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.RecordExists && !record.State.IsLive(clock.GetUtcNow()))
        {
            await record.ClearStateAsync(cancellationToken);
        }
    }

    public async Task<IdempotencyClaim> ClaimAsync(Guid attempt, TimeSpan lease)
    {
        var claim = record.State.Claim(attempt, clock.GetUtcNow(), lease);
        if (claim.Status == IdempotencyClaimStatus.Granted)
        {
            await this.DeactivateOnFailureAsync(() => record.WriteStateAsync());
        }

        return claim;
    }

    public async Task<bool> CompleteAsync(Guid attempt, RequestFingerprint request, RecordedResponse response, TimeSpan retention)
    {
        if (!record.State.Complete(attempt, request, response, clock.GetUtcNow(), retention))
        {
            return false;
        }

        await this.DeactivateOnFailureAsync(() => record.WriteStateAsync());
        return true;
    }

    public async Task ReleaseAsync(Guid attempt)
    {
        if (record.State.Holds(attempt))
        {
            await this.DeactivateOnFailureAsync(() => record.ClearStateAsync());
        }
    }
}
