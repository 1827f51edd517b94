using System.Collections.Immutable;
using Instagram.Grains.Idempotency;
using Xunit;

namespace ApiFrontend.Tests.Idempotency;

/// <summary>The rules of one key's record: one attempt at a time, leased; answers kept for the retention.</summary>
public sealed class IdempotencyRecordSpecification
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private static readonly RequestFingerprint Request = new("ab", 10);
    private static readonly RecordedResponse Answer = new(202, "application/json", ImmutableDictionary<string, string>.Empty, [1, 2, 3]);

    private readonly Guid _first = Guid.NewGuid();
    private readonly Guid _second = Guid.NewGuid();

    [Fact]
    public void An_unused_key_is_granted_and_then_in_progress_for_everyone_else()
    {
        var record = new IdempotencyRecord();

        Assert.Equal(IdempotencyClaimStatus.Granted, record.Claim(_first, Now, Lease).Status);
        Assert.Equal(IdempotencyClaimStatus.InProgress, record.Claim(_second, Now.AddMinutes(1), Lease).Status);
    }

    [Fact]
    public void A_completed_key_answers_with_the_recorded_request_and_response()
    {
        var record = new IdempotencyRecord();
        record.Claim(_first, Now, Lease);

        Assert.True(record.Complete(_first, Request, Answer, Now.AddSeconds(1), Retention));
        var claim = record.Claim(_second, Now.AddHours(23), Lease);

        Assert.Equal(IdempotencyClaimStatus.Completed, claim.Status);
        Assert.Same(Answer, claim.Response);
        Assert.Same(Request, claim.Request);
    }

    [Fact]
    public void A_completed_key_expires_after_the_retention()
    {
        var record = new IdempotencyRecord();
        record.Claim(_first, Now, Lease);
        record.Complete(_first, Request, Answer, Now, Retention);

        Assert.False(record.IsLive(Now + Retention));
        Assert.Equal(IdempotencyClaimStatus.Granted, record.Claim(_second, Now + Retention, Lease).Status);
    }

    [Fact]
    public void A_lease_that_ran_out_lets_a_retry_take_the_key_over_and_the_first_attempt_can_no_longer_complete()
    {
        var record = new IdempotencyRecord();
        record.Claim(_first, Now, Lease);

        Assert.Equal(IdempotencyClaimStatus.Granted, record.Claim(_second, Now + Lease, Lease).Status);
        Assert.False(record.Complete(_first, Request, Answer, Now + Lease, Retention));
        Assert.True(record.Holds(_second));
    }

    [Fact]
    public void An_attempt_past_its_lease_still_completes_if_nobody_took_the_key()
    {
        var record = new IdempotencyRecord();
        record.Claim(_first, Now, Lease);

        Assert.True(record.Complete(_first, Request, Answer, Now + Lease + Lease, Retention));
    }

    [Fact]
    public void Only_the_attempt_holding_the_key_may_release_it()
    {
        var record = new IdempotencyRecord();
        record.Claim(_first, Now, Lease);

        Assert.True(record.Holds(_first));
        Assert.False(record.Holds(_second));
        record.Complete(_first, Request, Answer, Now, Retention);
        Assert.False(record.Holds(_first));
    }
}
