using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Tests.Stores;

public sealed class InMemoryNonceLeaseTests : NonceLeaseContract
{
    private readonly InMemoryNonceLease _shared = new();

    // In one process "two replicas" share the same semaphores.
    protected override INonceLease CreateLease() => _shared;
}
