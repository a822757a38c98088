namespace Ledger.Cli.Connection;

/// <summary>Input the command cannot use (a missing file, a bad quantity); printed as "error: invalid input: ...".</summary>
public sealed class CliInputException(string message) : Exception(message);
