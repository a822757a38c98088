using Ledger.Cli;

// Thin on purpose: the command tree lives in LedgerCommandLine, each command in its own file.
return await LedgerCommandLine.Create().Parse(args).InvokeAsync();
