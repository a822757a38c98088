using System.Numerics;
using System.Reflection;
using Nethereum.ABI;
using Nethereum.ABI.Model;
using Ledger.Core.Primitives;
using Ledger.Contracts.Errors;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>
/// Revert data made by <c>cast calldata</c> (a custom error is encoded exactly like a call)
/// decodes into the right record with the right values, for seeded random arguments of every
/// error of both contracts. The expected record is built by reflection from its constructor,
/// independently of the generated mapping table.
/// </summary>
public sealed class ErrorRevertCastTests
{
    private const int Cases = 1000;

    private static readonly ErrorABI[] AllErrors =
        [.. LedgerArtifacts.AuthorityRegistry.Abi.Errors.Concat(LedgerArtifacts.PermitRegistry.Abi.Errors).DistinctBy(e => e.Signature)];

    [Fact]
    public async Task Cast_encoded_errors_decode_into_their_records()
    {
        var random = new RandomValues(seed: 46);
        var cases = Enumerable.Range(0, Cases).Select(i => RandomError(AllErrors[i % AllErrors.Length], random)).ToArray();
        var revertData = await CastInParallel.RunAsync(cases.Select(c => (IReadOnlyList<string>)["calldata", c.Error.Signature, .. c.Arguments]).ToArray());
        for (var i = 0; i < cases.Length; i++)
        {
            var decoded = ContractErrors.TryDecode(Convert.FromHexString(revertData[i].AsSpan(2)));
            Assert.True(Equals(cases[i].Expected, decoded), $"Case {i}: {cases[i].Error.Signature} {string.Join(' ', cases[i].Arguments)}\n expected {cases[i].Expected}\n decoded  {decoded}");
        }
    }

    [Fact]
    public void Every_abi_error_has_a_record_with_its_signature_and_nothing_more()
    {
        var records = typeof(ContractError).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ContractError))).ToArray();
        Assert.Equal(AllErrors.Select(e => e.Name).Order(), records.Select(r => r.Name).Order());
        foreach (var error in AllErrors)
            Assert.Equal(error.InputParameters.Length, RecordType(error).GetConstructors().Single().GetParameters().Length);
    }

    [Fact]
    public void A_count_beyond_64_bits_is_left_untyped_rather_than_truncated()
    {
        var error = LedgerArtifacts.PermitRegistry.Abi.Errors.Single(e => e.Name == "InvalidBatchSize");
        var typical = RevertData(error.Sha3Signature, new ABIValue("uint256", new BigInteger(101)), new ABIValue("uint256", 100));
        Assert.IsType<InvalidBatchSize>(ContractErrors.TryDecode(typical));
        var tooLarge = RevertData(error.Sha3Signature, new ABIValue("uint256", BigInteger.One << 64), new ABIValue("uint256", 100));
        Assert.Null(ContractErrors.TryDecode(tooLarge));
        Assert.Null(ContractErrors.TryDecode([]));
        Assert.Null(ContractErrors.TryDecode(RevertData("08c379a0", new ABIValue("string", "plain message"))));
    }

    private static byte[] RevertData(string selector, params ABIValue[] arguments) =>
        [.. Convert.FromHexString(selector[..8]), .. new ABIEncode().GetABIEncoded(arguments)];

    private static (ErrorABI Error, string[] Arguments, ContractError Expected) RandomError(ErrorABI error, RandomValues random)
    {
        var parameters = RecordType(error).GetConstructors().Single().GetParameters();
        var values = new object?[parameters.Length];
        var arguments = new string[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
            (values[i], arguments[i]) = RandomArgument(parameters[i].ParameterType, error.InputParameters.OrderBy(p => p.Order).ElementAt(i).Type, random);
        return (error, arguments, (ContractError)Activator.CreateInstance(RecordType(error), values)!);
    }

    private static (object? Value, string Cast) RandomArgument(Type type, string solidityType, RandomValues random)
    {
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            var value = values.GetValue(random.Random.Next(values.Length))!;
            return (value, Convert.ToByte(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return type.Name switch
        {
            nameof(Address) => Box(random.Address()),
            nameof(Bytes32) => Box(random.Hash()),
            nameof(CountryBytes) => Box(random.Country()),
            nameof(Byte) => Box(random.Byte()),
            nameof(UInt16) => Box(random.UInt16()),
            nameof(UInt32) => Box(random.UInt32()),
            nameof(UInt64) when solidityType == "uint40" => Box(random.Time()),
            nameof(UInt64) => Box(random.UInt64()),
            nameof(UInt128) => Box(random.Quantity()),
            _ => throw new InvalidOperationException($"No random values for {type.Name} ({solidityType})."),
        };
    }

    private static (object? Value, string Cast) Box<T>((T Value, string Cast) pair) => (pair.Value, pair.Cast);

    private static Type RecordType(ErrorABI error) =>
        typeof(ContractError).Assembly.GetType($"Ledger.Contracts.Errors.{error.Name}") ?? throw new InvalidOperationException($"No record for {error.Signature}.");
}
