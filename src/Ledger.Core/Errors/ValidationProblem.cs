namespace Ledger.Core.Errors;

/// <summary>
/// One problem found in an input: which field (a path such as <c>lines[1]</c>, indices
/// from zero as in the request) and a message an officer can act on (lines numbered from
/// one, as printed on the permit).
/// </summary>
/// <param name="Field">Path of the offending field, e.g. <c>validUntil</c> or <c>lines[1]</c>.</param>
/// <param name="Message">What is wrong and what to do about it.</param>
public sealed record ValidationProblem(string Field, string Message)
{
    /// <summary>"field: message".</summary>
    public override string ToString() => $"{Field}: {Message}";
}
