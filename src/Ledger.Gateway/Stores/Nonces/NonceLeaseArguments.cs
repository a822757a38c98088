using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Stores;

/// <summary>Argument checks shared by the nonce lease implementations.</summary>
internal static class NonceLeaseArguments
{
    public static string CheckAccount(string account) =>
        AuthorityAddressText.TryNormalise(account, out var address)
            ? address
            : throw new ArgumentException("An account is 0x followed by 40 hex digits.", nameof(account));

    public static TimeSpan CheckWait(TimeSpan wait) =>
        wait >= TimeSpan.Zero && wait <= TimeSpan.FromMinutes(10)
            ? wait
            : throw new ArgumentOutOfRangeException(nameof(wait), wait, "Wait between zero and 10 minutes.");
}
