// What nearly every test here uses: the chain value types, the test harness and Nethereum's RPC types.
global using Ledger.Contracts.Ethereum;
global using Ledger.Core.Primitives;
global using Ledger.Testing;
global using Nethereum.Hex.HexTypes;
global using Nethereum.JsonRpc.Client;
global using Nethereum.RPC.Eth.DTOs;
global using Ledger.Contracts.Permits;
