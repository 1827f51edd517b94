namespace Instagram.Grains.Users;

/// <summary>
/// An index entry: the user ID behind one username or email. A found ID is kept (usernames and emails do
/// not move between accounts); "nobody" is not, because the name may be registered a moment later.
/// </summary>
[GrainType("user-lookup")]
public sealed class UserLookupGrain(IUserStore users) : Grain, IUserLookupGrain
{
    private long? _userId;

    public async Task<long?> FindAsync()
    {
        _userId ??= await users.FindIdAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        return _userId;
    }
}
