using Instagram.Grains.Sessions;

namespace Grains.Tests.Sessions;

/// <summary>The rules of one user's sessions: rotation, reuse, expiry and the cap.</summary>
public sealed class SessionBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InTwoWeeks = Now.AddDays(14);

    [Fact]
    public void A_refresh_rotates_to_the_next_generation_and_the_used_token_then_ends_the_session()
    {
        var book = new SessionBook();
        book.Start(1, "phone", Now, InTwoWeeks);

        var first = book.Refresh(1, 0, Now.AddHours(1), InTwoWeeks.AddHours(1));
        var replay = book.Refresh(1, 0, Now.AddHours(2), InTwoWeeks.AddHours(2));

        Assert.Equal(new RefreshOutcome(RefreshStatus.Rotated, 1), first);
        Assert.Equal(RefreshStatus.Reused, replay.Status);
        Assert.False(book.IsActive(1, Now.AddHours(2)));
        Assert.Equal(RefreshStatus.Ended, book.Refresh(1, 1, Now.AddHours(3), InTwoWeeks).Status); // the thief's fresh token is dead too
    }

    [Fact]
    public void A_session_ends_when_its_refresh_token_expires()
    {
        var book = new SessionBook();
        book.Start(1, "phone", Now, InTwoWeeks);

        Assert.True(book.IsActive(1, InTwoWeeks.AddTicks(-1)));
        Assert.False(book.IsActive(1, InTwoWeeks));
        Assert.Equal(RefreshStatus.Ended, book.Refresh(1, 0, InTwoWeeks, InTwoWeeks.AddDays(14)).Status);
        Assert.Empty(book.List(InTwoWeeks));
    }

    [Fact]
    public void Revoking_ends_only_that_session_and_an_unknown_one_is_not_found()
    {
        var book = new SessionBook();
        book.Start(1, "phone", Now, InTwoWeeks);
        book.Start(2, "laptop", Now, InTwoWeeks);

        Assert.True(book.Revoke(1, Now));
        Assert.False(book.Revoke(1, Now));
        Assert.False(book.Revoke(3, Now));
        Assert.Equal([2L], book.List(Now).Select(session => session.SessionId));
    }

    [Fact]
    public void Past_the_cap_the_least_recently_refreshed_session_ends()
    {
        var book = new SessionBook();
        for (var id = 1; id <= SessionBook.MaxSessions; id++)
        {
            book.Start(id, "script", Now.AddSeconds(id), InTwoWeeks);
        }

        book.Refresh(1, 0, Now.AddMinutes(10), InTwoWeeks); // session 1 is in use, session 2 is now the stalest
        book.Start(SessionBook.MaxSessions + 1, "one more", Now.AddMinutes(11), InTwoWeeks);

        Assert.Equal(SessionBook.MaxSessions, book.List(Now.AddMinutes(11)).Count);
        Assert.True(book.IsActive(1, Now.AddMinutes(11)));
        Assert.False(book.IsActive(2, Now.AddMinutes(11)));
    }

    [Fact]
    public void Long_user_agents_are_cut_to_size()
    {
        var book = new SessionBook();
        book.Start(1, new string('x', 10_000), Now, InTwoWeeks);

        Assert.Equal(SessionBook.MaxClientLength, book.List(Now)[0].Client.Length);
    }
}
