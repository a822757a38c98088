using Ledger.Gateway.Hosting;

// Thin on purpose: every concern is wired by an extension method under Hosting/.
var builder = WebApplication.CreateBuilder(args);
builder.AddLedgerGateway();

var app = builder.Build();
app.MapLedgerGateway();
app.Run();
