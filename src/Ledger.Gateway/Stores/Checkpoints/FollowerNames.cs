using System.Text.RegularExpressions;

namespace Ledger.Gateway.Stores;

/// <summary>Checks follower names, which become file names and Redis keys.</summary>
internal static partial class FollowerNames
{
    public static string Check(string followerName)
    {
        ArgumentNullException.ThrowIfNull(followerName);
        if (!Pattern().IsMatch(followerName))
            throw new ArgumentException(
                "A follower name is 1..64 characters of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'.", nameof(followerName));
        return followerName;
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
