using Ledger.Gateway.Hosting;
using Ledger.Gateway.WebConsole;

// Thin on purpose: every concern is wired by an extension method under Hosting/.
var builder = WebApplication.CreateBuilder(args);
builder.AddLedgerGateway();
builder.AddLedgerConsole();

var app = builder.Build();
app.MapLedgerGateway();
app.MapLedgerConsole();
app.Run();
