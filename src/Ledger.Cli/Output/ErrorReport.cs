using System.Text;
using Grpc.Core;

namespace Ledger.Cli.Output;

/// <summary>Errors as one line, "error: &lt;status&gt;: &lt;message&gt;", and the exit code that goes with them.</summary>
public static class ErrorReport
{
    /// <summary>Exit code of a call the gateway refused or could not answer.</summary>
    public const int CallFailed = 1;

    /// <summary>Exit code of input the CLI could not use.</summary>
    public const int BadInput = 2;

    /// <summary>"error: FAILED_PRECONDITION: permit CH/2026/1 is exhausted".</summary>
    public static string Line(RpcException error) => $"error: {StatusName(error.StatusCode)}: {error.Status.Detail}";

    /// <summary>"error: invalid input: ..." for input rejected before any call.</summary>
    public static string InputLine(string message) => $"error: invalid input: {message}";

    /// <summary>The gRPC status in its canonical upper-case form, e.g. PERMISSION_DENIED.</summary>
    public static string StatusName(StatusCode code)
    {
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            // "DeadlineExceeded" -> DEADLINE_EXCEEDED, while "OK" stays OK.
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
