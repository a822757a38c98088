using Ledger.Chain.Primitives;

namespace Ledger.Chain.Transactions;

/// <summary>
/// One EIP-2930 access-list entry: a contract address and the storage slots the transaction
/// declares it will touch (each a 32-byte key). Immutable; keys are copied.
/// </summary>
public sealed class AccessListEntry
{
    /// <summary>Size of a storage key in bytes.</summary>
    public const int StorageKeySize = 32;

    private readonly ReadOnlyMemory<byte>[] _storageKeys;

    /// <summary>Creates an entry; every storage key must be 32 bytes.</summary>
    public AccessListEntry(Address address, IEnumerable<ReadOnlyMemory<byte>> storageKeys)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        Address = address;
        _storageKeys = storageKeys.Select(key => key.Length == StorageKeySize
                ? (ReadOnlyMemory<byte>)key.ToArray()
                : throw new ArgumentException(
                    $"An access-list storage key is {StorageKeySize} bytes, got {key.Length}.", nameof(storageKeys)))
            .ToArray();
    }

    /// <summary>The contract whose storage is accessed.</summary>
    public Address Address { get; }

    /// <summary>The 32-byte storage keys.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> StorageKeys => _storageKeys;
}
