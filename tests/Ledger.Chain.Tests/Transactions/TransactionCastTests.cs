using System.Numerics;
using System.Text;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Tests.Crypto;
using Ledger.Chain.Transactions;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Transactions;

/// <summary>
/// Signed raw transactions compared byte for byte with <c>cast mktx</c>. cast holds fees
/// in 128 bits, so random fees stay below 2^128 here; 256-bit fees are covered by the
/// round-trip tests.
/// </summary>
public class TransactionCastTests
{
    [Fact]
    public async Task Eip1559_transactions_match_cast_mktx_for_1000_random_cases()
    {
        var random = new Random(1559);
        var cases = Enumerable.Range(0, 1000).Select(_ =>
        {
            var maxFee = random.UnsignedInteger(128);
            return (Key: random.PrivateKey(), Transaction: new Eip1559Transaction
            {
                ChainId = RandomChainId(random),
                Nonce = random.UInt64(),
                GasLimit = random.UInt64(),
                MaxFeePerGas = maxFee,
                MaxPriorityFeePerGas = random.Next(4) == 0 ? maxFee : maxFee / (random.Next(1, 1000)),
                To = random.Next(5) == 0 ? null : new Address(random.Bytes(Address.Size)),
                Value = random.UnsignedInteger(256),
                Data = random.Bytes(random.Next(0, 200)),
                AccessList = RandomAccessList(random),
            });
        }).ToList();
        // cast creates a contract only from non-empty code.
        var castCases = cases.Where(c => c.Transaction.To is not null || !c.Transaction.Data.IsEmpty).ToList();

        var outputs = await CastBatch.RunAsync(castCases.Select(c => MkTx(c.Key, c.Transaction)).ToList());

        for (var i = 0; i < castCases.Count; i++)
            AssertSignedAsCast(castCases[i].Key, castCases[i].Transaction, outputs[i]);
        Assert.True(castCases.Count >= 990);
    }

    [Fact]
    public async Task Legacy_transactions_match_cast_mktx_for_1000_random_cases()
    {
        var random = new Random(155);
        var cases = Enumerable.Range(0, 1000).Select(_ => (Key: random.PrivateKey(), Transaction: new LegacyTransaction
        {
            ChainId = RandomChainId(random),
            Nonce = random.UInt64(),
            GasLimit = random.UInt64(),
            GasPrice = random.UnsignedInteger(128),
            To = random.Next(5) == 0 ? null : new Address(random.Bytes(Address.Size)),
            Value = random.UnsignedInteger(256),
            Data = random.Bytes(random.Next(1, 200)),
        })).ToList();

        var outputs = await CastBatch.RunAsync(cases.Select(c => MkTx(c.Key, c.Transaction)).ToList());

        for (var i = 0; i < cases.Count; i++)
            AssertSignedAsCast(cases[i].Key, cases[i].Transaction, outputs[i]);
    }

    /// <summary>Same raw bytes as cast, and decoding them gives back the fields and the signer.</summary>
    private static void AssertSignedAsCast(PrivateKey key, Transaction transaction, string castRaw)
    {
        var signed = transaction.Sign(key);
        Assert.Equal(castRaw, signed.RawHex);

        var decoded = TransactionDecoder.Decode(signed.RawBytes.Span);
        Assert.Equal(key.Address, decoded.Sender);
        Assert.Equal(signed.HashHex, decoded.HashHex);
        Assert.Equal(signed.Signature, decoded.Signature);
        Assert.Equal(Hex.Encode(transaction.GetSigningPayload()), Hex.Encode(decoded.Transaction.GetSigningPayload()));
    }

    private static IReadOnlyList<string> MkTx(PrivateKey key, Transaction transaction)
    {
        List<string> args =
        [
            "mktx", "--private-key", Hex.Encode(key.ExportBytes()),
            "--chain", Decimal(transaction.ChainId), "--nonce", Decimal(transaction.Nonce),
            "--gas-limit", Decimal(transaction.GasLimit), "--value", Decimal(transaction.Value),
        ];
        switch (transaction)
        {
            case LegacyTransaction legacy:
                args.AddRange(["--legacy", "--gas-price", Decimal(legacy.GasPrice)]);
                break;
            case Eip1559Transaction dynamicFee:
                args.AddRange(["--gas-price", Decimal(dynamicFee.MaxFeePerGas), "--priority-gas-price", Decimal(dynamicFee.MaxPriorityFeePerGas)]);
                if (dynamicFee.AccessList.Count > 0)
                    args.AddRange(["--access-list", AccessListJson(dynamicFee.AccessList)]);
                break;
        }
        if (transaction.To is { } to)
        {
            args.Add(Hex.Encode(to.Bytes));
            if (!transaction.Data.IsEmpty)
                args.Add(Hex.Encode(transaction.Data.Span));
        }
        else
        {
            args.AddRange(["--create", Hex.Encode(transaction.Data.Span)]);
        }
        return args;
    }

    private static string AccessListJson(IReadOnlyList<AccessListEntry> accessList)
    {
        var json = new StringBuilder("[");
        foreach (var entry in accessList)
        {
            if (json.Length > 1)
                json.Append(',');
            json.Append("{\"address\":\"").Append(Hex.Encode(entry.Address.Bytes)).Append("\",\"storageKeys\":[")
                .AppendJoin(',', entry.StorageKeys.Select(key => $"\"{Hex.Encode(key.Span)}\"")).Append("]}");
        }
        return json.Append(']').ToString();
    }

    private static List<AccessListEntry> RandomAccessList(Random random) =>
        random.Next(3) != 0
            ? []
            : Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => new AccessListEntry(
                    new Address(random.Bytes(Address.Size)),
                    Enumerable.Range(0, random.Next(0, 4)).Select(_ => (ReadOnlyMemory<byte>)random.Bytes(32))))
                .ToList();

    /// <summary>
    /// Mainnet, the devnet ids and random 64-bit ids. Small random ids are avoided: cast
    /// silently builds a legacy transaction for named chains it believes lack EIP-1559.
    /// </summary>
    private static ulong RandomChainId(Random random) => random.Next(4) switch
    {
        0 => 1,
        1 => 1337,
        2 => 31337,
        _ => random.UInt64() | (1UL << 40),
    };

    private static string Decimal(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Decimal(BigInteger value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
