using System.Globalization;
using Ledger.Core.Errors;

namespace Ledger.Gateway.Application;

/// <summary>Paging by position: the page token is the number of items already returned.</summary>
/// <param name="Skip">Items to skip.</param>
/// <param name="Size">Items per page.</param>
internal readonly record struct OffsetPage(int Skip, int Size)
{
    /// <summary>Items per page when the client asks for none.</summary>
    public const int DefaultSize = 50;

    /// <summary>Most items per page.</summary>
    public const int MaxSize = 500;

    /// <summary>Reads page_size and page_token, or INVALID_ARGUMENT.</summary>
    public static OffsetPage Parse(uint pageSize, string pageToken)
    {
        if (pageSize > MaxSize)
            throw new LedgerException(LedgerError.InvalidArgument("page_size", $"is {pageSize}; at most {MaxSize}"));
        var skip = 0;
        if (pageToken.Length > 0 && !int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            throw new LedgerException(LedgerError.InvalidArgument("page_token", "is not a token this gateway returned; start without one"));
        return new OffsetPage(skip, pageSize == 0 ? DefaultSize : (int)pageSize);
    }

    /// <summary>The token of the page after this one.</summary>
    public string NextToken => (Skip + Size).ToString(CultureInfo.InvariantCulture);
}
