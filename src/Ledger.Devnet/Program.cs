using System.CommandLine;
using Ledger.Devnet;

// Thin on purpose: options and the run loop live in DevnetCommand. Ctrl-C cancels the run;
// the longer grace period lets it stop the gateway, redis and anvil in order.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20) };
return await DevnetCommand.Create().Parse(args).InvokeAsync(invocation);
