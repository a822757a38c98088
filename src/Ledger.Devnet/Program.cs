using Ledger.Devnet;

// Thin on purpose: options and the run loop live in DevnetCommand.
return await DevnetCommand.Create().Parse(args).InvokeAsync();
