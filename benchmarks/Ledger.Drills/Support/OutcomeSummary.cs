using System.Globalization;

namespace Ledger.Drills.Support;

/// <summary>The clients' view in one line: how their writes ended and how often they retried.</summary>
internal static class OutcomeSummary
{
    /// <summary>E.g. "clients: 57 succeeded, 3 refused (FailedPrecondition 3), 0 gave up, 41 retries".</summary>
    public static string Describe(IReadOnlyList<WriteOutcome> outcomes)
    {
        string ByStatus(WriteEnd end) => string.Join(", ", outcomes.Where(o => o.End == end).GroupBy(o => o.Status)
            .OrderByDescending(g => g.Count()).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")));
        var refused = outcomes.Count(o => o.End == WriteEnd.Refused);
        var gaveUp = outcomes.Count(o => o.End == WriteEnd.GaveUp);
        return string.Create(CultureInfo.InvariantCulture,
            $"clients: {outcomes.Count(o => o.End == WriteEnd.Succeeded)} succeeded, {refused} refused{(refused > 0 ? $" ({ByStatus(WriteEnd.Refused)})" : "")}, " +
            $"{gaveUp} gave up{(gaveUp > 0 ? $" ({ByStatus(WriteEnd.GaveUp)})" : "")}, {outcomes.Sum(o => o.Retries)} retries{Unexpected(outcomes)}");
    }

    // One example of each status a client neither expects (a refusal for a used-up permit) nor retries, for the reader to chase.
    private static string Unexpected(IReadOnlyList<WriteOutcome> outcomes) => string.Concat(outcomes
        .Where(o => o.End != WriteEnd.Succeeded && o.Status is not Grpc.Core.StatusCode.FailedPrecondition)
        .GroupBy(o => o.Status).Select(g => $"; e.g. {g.Key}: \"{g.First().Detail}\""));
}
