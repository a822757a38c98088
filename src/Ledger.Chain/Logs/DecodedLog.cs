using Ledger.Chain.Abi;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Logs;

/// <summary>A log with the event it was decoded as.</summary>
/// <param name="Log">The log as the node returned it (block, transaction, position).</param>
/// <param name="Event">The event declaration and its parameter values by name or position.</param>
public sealed record DecodedLog(LogEntry Log, DecodedEvent Event);
