using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ledger.Testing;

/// <summary>
/// A test case reported as skipped with a fixed reason: what a fact attribute's discoverer returns
/// when the test cannot run here (no Docker engine, no redis-server, no postgres), so that it is
/// never reported as passed.
/// </summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    /// <summary>For deserialization only.</summary>
    [Obsolete("Called by the de-serializer", error: true)]
    public SkippedTestCase()
    {
    }

    /// <summary>Creates the skipped case.</summary>
    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string reason)
        : base(sink, display, options, method)
    {
        _reason = reason;
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
