using System.Numerics;
using Ledger.Contracts.Binding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>
/// The hand-written decoder of one-word events against Nethereum's event decoder (an independent
/// implementation of the same ABI) on seeded random canonical logs of every such event of both
/// contracts, and its refusal of logs that are not canonical.
/// </summary>
public sealed class StaticEventLayoutTests
{
    public static TheoryData<string, string> StaticEvents()
    {
        var data = new TheoryData<string, string>();
        foreach (var artifact in new[] { LedgerArtifacts.PermitRegistry, LedgerArtifacts.AuthorityRegistry })
        {
            foreach (var abiEvent in artifact.Abi.Events.Where(e => StaticEventLayout.For(e) is not null))
                data.Add(artifact.Name, abiEvent.Name);
        }
        return data;
    }

    [Fact]
    public void The_permit_events_a_follower_sees_most_take_the_hand_written_path()
    {
        var names = StaticEvents().Select(row => (string)row[1]).ToHashSet();
        Assert.Superset(new HashSet<string> { "PermitRegistered", "PermitCancelled", "PermitReplaced" }, names);
        Assert.DoesNotContain("ShipmentRecorded", names); // a uint96[]: Nethereum decodes it
        Assert.DoesNotContain("ArrivalConfirmed", names); // a uint96[] and a bool
    }

    [Theory]
    [MemberData(nameof(StaticEvents))]
    public void Random_canonical_logs_decode_as_Nethereum_decodes_them(string contract, string eventName)
    {
        var abiEvent = Event(contract, eventName);
        var layout = StaticEventLayout.For(abiEvent)!;
        var random = new Random(HashCode.Combine(20261202, eventName.Length, eventName[0]));
        for (var round = 0; round < 200; round++)
        {
            var (log, topics, data) = RandomLog(abiEvent, random);

            var ours = layout.Decode(topics, data);
            var theirs = abiEvent.DecodeEventDefaultTopics(log).Event;

            var parameters = abiEvent.InputParameters.OrderBy(p => p.Order).ToArray();
            Assert.Equal(parameters.Length, ours.Length);
            for (var i = 0; i < parameters.Length; i++)
                Assert.Equal(Normalise(theirs.First(o => o.Parameter.Order == parameters[i].Order).Result), Normalise(ours[i]));
        }
    }

    [Fact]
    public void Logs_that_are_not_canonical_are_refused()
    {
        var abiEvent = Event("PermitRegistry", "PermitRegistered");
        var layout = StaticEventLayout.For(abiEvent)!;
        var (_, topics, data) = RandomLog(abiEvent, new Random(1));
        Assert.Throws<FormatException>(() => layout.Decode(topics, data[..32]));
        Assert.Throws<FormatException>(() => layout.Decode(topics, [.. data, .. new byte[32]]));
        Assert.Throws<FormatException>(() => layout.Decode(topics.Take(1).ToList(), data));
        Assert.Throws<FormatException>(() => layout.Decode([.. topics, new byte[32]], data));
        topics[1][0] = 1; // the issuer address with a dirty high byte
        Assert.Throws<FormatException>(() => layout.Decode(topics, data));

        var cancelled = Event("PermitRegistry", "PermitCancelled");
        var (_, cancelTopics, cancelData) = RandomLog(cancelled, new Random(2));
        cancelData[^32] = 1; // reasonCode is a uint8: a set high byte does not fit
        Assert.Throws<FormatException>(() => StaticEventLayout.For(cancelled)!.Decode(cancelTopics, cancelData));
    }

    private static EventABI Event(string contract, string name) =>
        (contract == "PermitRegistry" ? LedgerArtifacts.PermitRegistry : LedgerArtifacts.AuthorityRegistry).Abi.Events.Single(e => e.Name == name);

    private static (FilterLog Log, List<byte[]> Topics, byte[] Data) RandomLog(EventABI abiEvent, Random random)
    {
        var topics = new List<byte[]>();
        var data = new List<byte>();
        foreach (var parameter in abiEvent.InputParameters.OrderBy(p => p.Order))
        {
            var word = RandomWord(parameter.Type, random);
            if (parameter.Indexed)
                topics.Add(word);
            else
                data.AddRange(word);
        }
        var log = new FilterLog
        {
            Topics = [abiEvent.Sha3Signature.StartsWith("0x", StringComparison.Ordinal) ? abiEvent.Sha3Signature : "0x" + abiEvent.Sha3Signature,
                .. topics.Select(t => (object)("0x" + Convert.ToHexStringLower(t)))],
            Data = "0x" + Convert.ToHexStringLower(data.ToArray()),
            BlockNumber = new HexBigInteger(1),
            LogIndex = new HexBigInteger(0),
            TransactionHash = "0x" + new string('1', 64),
            BlockHash = "0x" + new string('2', 64),
            Address = "0x" + new string('3', 40),
        };
        return (log, topics, data.ToArray());
    }

    private static byte[] RandomWord(string type, Random random)
    {
        var word = new byte[32];
        var width = type switch
        {
            "bytes32" => 32,
            "address" => 20,
            _ => int.Parse(type.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) / 8,
        };
        if (random.Next(8) != 0) // one word in eight stays zero: an edge
            random.NextBytes(word.AsSpan(32 - width));
        if (width > 0 && random.Next(8) == 0) // and one in eight is the largest value of the type
            word.AsSpan(32 - width).Fill(0xff);
        return word;
    }

    // Nethereum gives an address as "0x" text, ours as its 20 bytes; integers as BigInteger either way.
    private static string Normalise(object? value) => value switch
    {
        string text => text.ToLowerInvariant(),
        byte[] bytes when bytes.Length == 20 => "0x" + Convert.ToHexStringLower(bytes),
        byte[] bytes => "bytes:" + Convert.ToHexStringLower(bytes),
        BigInteger number => "int:" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected decoded value {value} ({value?.GetType().Name})"),
    };
}
