using Instagram.Grains.Feed;
using Instagram.Grains.Paging;
using Instagram.Grains.Posts;

namespace Instagram.Grains.Users;

/// <summary>
/// One user: the profile and counters in memory, the user's own graph changes written through
/// <see cref="IFollowGraph"/>. Counters of the other user in a change are that user's grain's business: it
/// is told to reload them, and the database (changed in the same transaction as the edge) is the truth.
/// Feeds follow the graph: a follow backfills the author's recent posts, an unfollow or block removes them.
/// </summary>
[GrainType("user")]
public sealed class UserGrain(IUserStore users, IFollowGraph graph, IRenderedViews views, TimeProvider clock) : Grain, IUserGrain
{
    private UserProfile? _profile;
    private string? _passwordHash;

    private long UserId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<RegistrationOutcome> RegisterAsync(NewAccount account)
    {
        if (_profile is not null)
        {
            return RegistrationOutcome.UsernameTaken; // an ID is registered once; the caller made a fresh one
        }

        var outcome = await users.InsertAsync(UserId, account, clock.GetUtcNow(), CancellationToken.None);
        if (outcome == RegistrationOutcome.Created)
        {
            await ReloadAsync(CancellationToken.None);
        }

        return outcome;
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(_profile);

    public async Task<ProfileView?> GetProfileForAsync(long viewerId)
    {
        if (_profile is not { } profile)
        {
            return null;
        }

        if (viewerId == UserId)
        {
            return new ProfileView(profile, Relationship.None);
        }

        return await graph.RelationshipAsync(viewerId, UserId, CancellationToken.None) is { } relationship
            ? new ProfileView(profile, relationship)
            : null;
    }

    public Task<string?> GetPasswordHashAsync() => Task.FromResult(_passwordHash);

    public async Task<UserProfile?> UpdateProfileAsync(ProfileChanges changes)
    {
        if (_profile is null)
        {
            return null;
        }

        await users.UpdateProfileAsync(UserId, changes, CancellationToken.None);
        _profile = _profile with
        {
            DisplayName = changes.DisplayName ?? _profile.DisplayName,
            Bio = changes.Bio ?? _profile.Bio,
            IsPrivate = changes.IsPrivate ?? _profile.IsPrivate,
            AvatarMediaId = changes.AvatarMediaId ?? _profile.AvatarMediaId,
        };
        views.UserChanged(UserId);
        return _profile;
    }

    public async Task<FollowResult> FollowAsync(long targetId)
    {
        if (_profile is null || targetId == UserId)
        {
            return FollowResult.Invalid;
        }

        var state = await graph.FollowAsync(UserId, targetId, clock.GetUtcNow(), CancellationToken.None);
        if (state is { Following: true })
        {
            await Timeline(UserId).BackfillAsync(targetId); // idempotent: repeating a follow re-adds nothing
        }

        return await SettledAsync(targetId, state);
    }

    public async Task<FollowResult> UnfollowAsync(long targetId)
    {
        if (_profile is null || targetId == UserId)
        {
            return FollowResult.Invalid;
        }

        var state = await graph.UnfollowAsync(UserId, targetId, CancellationToken.None);
        if (state is not null)
        {
            await Timeline(UserId).RemoveAuthorAsync(targetId);
        }

        return await SettledAsync(targetId, state);
    }

    public async Task<bool> ApproveFollowerAsync(long requesterId)
    {
        if (!await graph.ApproveAsync(UserId, requesterId, clock.GetUtcNow(), CancellationToken.None))
        {
            return false;
        }

        await RefreshCountersAsync();
        await GrainFactory.GetGrain<IUserGrain>(requesterId).CountersChangedAsync();
        await Timeline(requesterId).BackfillAsync(UserId);
        return true;
    }

    public Task<bool> DenyFollowerAsync(long requesterId) => graph.DenyAsync(UserId, requesterId, CancellationToken.None);

    public async Task<GraphOutcome> BlockAsync(long targetId)
    {
        if (_profile is null || targetId == UserId)
        {
            return GraphOutcome.Invalid;
        }

        if (!await graph.BlockAsync(UserId, targetId, clock.GetUtcNow(), CancellationToken.None))
        {
            return GraphOutcome.NotFound;
        }

        await RefreshCountersAsync();
        await GrainFactory.GetGrain<IUserGrain>(targetId).CountersChangedAsync();
        await Timeline(UserId).RemoveAuthorAsync(targetId);
        await Timeline(targetId).RemoveAuthorAsync(UserId);
        return GraphOutcome.Done;
    }

    public async Task<GraphOutcome> UnblockAsync(long targetId)
    {
        if (_profile is null || targetId == UserId)
        {
            return GraphOutcome.Invalid;
        }

        await graph.UnblockAsync(UserId, targetId, CancellationToken.None);
        return GraphOutcome.Done;
    }

    public Task CountersChangedAsync() => RefreshCountersAsync();

    public async Task<bool> CanSeeContentAsync(long viewerId)
    {
        if (_profile is not { } profile)
        {
            return false;
        }

        if (viewerId == UserId)
        {
            return true;
        }

        var relationship = await graph.RelationshipAsync(viewerId, UserId, CancellationToken.None);
        return relationship is not null && (!profile.IsPrivate || relationship.IsFollowing);
    }

    public Task<Page<UserSummary>> GetFollowersAsync(PageCursor? after, int limit) => graph.FollowersAsync(UserId, after, limit, CancellationToken.None);

    public Task<Page<UserSummary>> GetFollowingAsync(PageCursor? after, int limit) => graph.FollowingAsync(UserId, after, limit, CancellationToken.None);

    public Task<Page<UserSummary>> GetFollowRequestsAsync(PageCursor? after, int limit) => graph.FollowRequestsAsync(UserId, after, limit, CancellationToken.None);

    private ITimelineGrain Timeline(long userId) => GrainFactory.GetGrain<ITimelineGrain>(userId);

    /// <summary>After a change between this user and <paramref name="targetId"/>: both sides' counters may have moved.</summary>
    private async Task<FollowResult> SettledAsync(long targetId, FollowState? state)
    {
        if (state is null)
        {
            return FollowResult.NotFound;
        }

        await RefreshCountersAsync();
        await GrainFactory.GetGrain<IUserGrain>(targetId).CountersChangedAsync();
        return new FollowResult(GraphOutcome.Done, state);
    }

    private async Task RefreshCountersAsync()
    {
        if (_profile is null)
        {
            return;
        }

        var (followers, following, posts) = await users.ReadCountersAsync(UserId, CancellationToken.None);
        _profile = _profile with { FollowerCount = followers, FollowingCount = following, PostCount = posts };
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (await users.FindAsync(UserId, cancellationToken) is var (profile, passwordHash))
        {
            (_profile, _passwordHash) = (profile, passwordHash);
        }

        // What was stored may differ from renderings made by an earlier activation (one whose write failed after committing).
        views.UserChanged(UserId);
    }
}
