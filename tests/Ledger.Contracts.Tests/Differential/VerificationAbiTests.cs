using System.Numerics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Nethereum.ABI.FunctionEncoding;
using PermitVerificationTuple = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitVerification;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>
/// The hand-written verifyAtHead / verifyManyAtHead output decoder against Nethereum's encoder of
/// the generated output DTOs (an independent implementation of the same ABI), on seeded random
/// values with edges (zero and maximum quantities, 0 to 16 lines, every enum value); and its
/// refusal of answers that are not this ABI. Its calldata is checked against cast in <see cref="CalldataCastTests"/>.
/// </summary>
public sealed class VerificationAbiTests
{
    private static readonly BigInteger MaxUInt96 = (BigInteger.One << 96) - 1;

    [Fact]
    public void Random_verifyManyAtHead_answers_decode_as_Nethereum_encoded_them()
    {
        var random = new Random(20261202);
        for (var round = 0; round < 200; round++)
        {
            var count = random.Next(0, 9);
            var output = new VerifyManyAtHeadOutputDTO
            {
                V = Enumerable.Range(0, count).Select(_ => RandomTuple(random)).ToList(),
                IssuerStatus = Enumerable.Range(0, count).Select(_ => (byte)random.Next(0, 3)).ToList(),
                BlockNumber = (ulong)random.NextInt64() * (ulong)random.Next(1, 3),
            };
            var encoded = new ParametersEncoder().EncodeParametersFromTypeAttributes(typeof(VerifyManyAtHeadOutputDTO), output);

            var decoded = VerificationAbi.DecodeVerifyManyAtHead(encoded);

            Assert.Equal(count, decoded.Length);
            for (var i = 0; i < count; i++)
            {
                AssertSame(output.V[i], decoded[i].Verification);
                Assert.Equal(output.IssuerStatus[i], (byte)decoded[i].IssuerStatus);
                Assert.Equal(output.BlockNumber, decoded[i].BlockNumber);
            }
        }
    }

    [Fact]
    public void Random_verifyAtHead_answers_decode_as_Nethereum_encoded_them()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var output = new VerifyAtHeadOutputDTO { V = RandomTuple(random), IssuerStatus = (byte)random.Next(0, 3), BlockNumber = (ulong)random.NextInt64() };
            var encoded = new ParametersEncoder().EncodeParametersFromTypeAttributes(typeof(VerifyAtHeadOutputDTO), output);

            var decoded = VerificationAbi.DecodeVerifyAtHead(encoded);

            AssertSame(output.V, decoded.Verification);
            Assert.Equal(output.IssuerStatus, (byte)decoded.IssuerStatus);
            Assert.Equal(output.BlockNumber, decoded.BlockNumber);
        }
    }

    [Fact]
    public void Answers_that_are_not_this_ABI_are_refused()
    {
        var output = new VerifyManyAtHeadOutputDTO { V = [RandomTuple(new Random(1))], IssuerStatus = [1], BlockNumber = 5 };
        var encoded = new ParametersEncoder().EncodeParametersFromTypeAttributes(typeof(VerifyManyAtHeadOutputDTO), output);

        Assert.Throws<FormatException>(() => VerificationAbi.DecodeVerifyManyAtHead(encoded.AsSpan(0, encoded.Length - 32)));
        Assert.Throws<FormatException>(() => VerificationAbi.DecodeVerifyManyAtHead([]));
        var badOffset = encoded.ToArray();
        badOffset[31] = 0xff;
        Assert.Throws<FormatException>(() => VerificationAbi.DecodeVerifyManyAtHead(badOffset));
        var wideBlock = encoded.ToArray();
        wideBlock[2 * 32] = 1; // blockNumber is a uint64
        Assert.Throws<FormatException>(() => VerificationAbi.DecodeVerifyManyAtHead(wideBlock));
    }

    private static PermitVerificationTuple RandomTuple(Random random)
    {
        var lines = random.Next(0, 17);
        BigInteger Quantity() => random.Next(4) switch { 0 => 0, 1 => MaxUInt96, _ => new BigInteger(random.NextInt64()) & MaxUInt96 };
        byte[] Bytes(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        return new PermitVerificationTuple
        {
            Status = (byte)random.Next(0, 3),
            Reason = (byte)random.Next(0, 8),
            Issuer = "0x" + Convert.ToHexStringLower(Bytes(20)),
            IssuerCountry = Bytes(2),
            PermitType = (byte)random.Next(0, 6),
            ValidFrom = (ulong)random.NextInt64(0, 1L << 40),
            ValidUntil = random.Next(4) == 0 ? (1UL << 40) - 1 : (ulong)random.NextInt64(0, 1L << 40),
            Destination = Bytes(2),
            Authorised = Enumerable.Range(0, lines).Select(_ => Quantity()).ToList(),
            Used = Enumerable.Range(0, lines).Select(_ => Quantity()).ToList(),
            ShipmentsUsed = (ushort)random.Next(0, 65536),
            MaxShipments = (ushort)random.Next(0, 65536),
            DocumentHash = Bytes(32),
            PreviousKey = Bytes(32),
            ReplacementKey = Bytes(32),
            CancelReason = (byte)random.Next(0, 256),
        };
    }

    private static void AssertSame(PermitVerificationTuple expected, PermitVerificationView actual)
    {
        Assert.Equal(expected.Status, (byte)actual.Status);
        Assert.Equal(expected.Reason, (byte)actual.Reason);
        Assert.Equal(expected.Issuer, actual.Issuer.ToLowerHex());
        Assert.Equal(expected.IssuerCountry, actual.IssuerCountry.ToBytes());
        Assert.Equal(expected.PermitType, (byte)actual.PermitType);
        Assert.Equal(expected.ValidFrom, actual.ValidFrom);
        Assert.Equal(expected.ValidUntil, actual.ValidUntil);
        Assert.Equal(expected.Destination, actual.Destination.ToBytes());
        Assert.Equal(expected.Authorised, actual.Authorised.Select(q => (BigInteger)q));
        Assert.Equal(expected.Used, actual.Used.Select(q => (BigInteger)q));
        Assert.Equal(expected.ShipmentsUsed, actual.ShipmentsUsed);
        Assert.Equal(expected.MaxShipments, actual.MaxShipments);
        Assert.Equal(expected.DocumentHash, actual.DocumentHash.ToArray());
        Assert.Equal(expected.PreviousKey, actual.PreviousKey.ToArray());
        Assert.Equal(expected.ReplacementKey, actual.ReplacementKey.ToArray());
        Assert.Equal(expected.CancelReason, actual.CancelReason);
    }
}
