using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// Revert data produced by <c>cast calldata</c> for random custom errors, <c>Error(string)</c>
/// and <c>Panic(uint256)</c> is recognised by <see cref="RevertDecoder"/> with the right
/// name, arguments, message or panic meaning; errors it was not told about come back unknown.
/// </summary>
public class RevertDecoderCastTests
{
    private const int CustomErrors = 600;
    private const int Messages = 200;
    private const int Panics = 200;

    private static readonly int[] KnownPanics = [0x00, 0x01, 0x11, 0x12, 0x21, 0x22, 0x31, 0x32, 0x41, 0x51];

    [Fact]
    public async Task Revert_data_from_cast_decodes_to_the_error_and_its_arguments()
    {
        var random = new RandomAbi(8_675_309);
        var errors = Enumerable.Range(0, CustomErrors).Select(index =>
        {
            var types = random.Tuple(random.Next(0, 4));
            // The index keeps signatures (and so selectors) unique.
            return (Error: new AbiError(random.Identifier() + "_" + index, types.Components), Values: types.Components.Select(c => random.Value(c.Type)).ToArray());
        }).ToList();
        var messages = Enumerable.Range(0, Messages).Select(_ => random.Text(random.Next(0, 60))).ToList();
        var panics = Enumerable.Range(0, Panics).Select(i => i % 2 == 0
            ? new BigInteger(KnownPanics[random.Next(KnownPanics.Length)])
            : random.Integer(AbiIntegerType.UInt256)).ToList();

        var outputs = await CastBatch.RunAsync(
            errors.Select(e => (IReadOnlyList<string>)["calldata", e.Error.Signature, .. e.Values.Select((v, i) => RandomAbi.CastArgument(e.Error.Inputs[i].Type, v))])
                .Concat(messages.Select(m => (IReadOnlyList<string>)["calldata", "Error(string)", RandomAbi.CastArgument(AbiStringType.Instance, m)]))
                .Concat(panics.Select(p => (IReadOnlyList<string>)["calldata", "Panic(uint256)", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                .ToList());

        // Every fifth error stays unknown to the decoder, to check the fallback.
        var decoder = new RevertDecoder(errors.Where((_, i) => i % 5 != 0).Select(e => e.Error));
        for (var i = 0; i < CustomErrors; i++)
        {
            var (error, values) = errors[i];
            var data = Hex.Decode(outputs[i]);
            Assert.Equal(outputs[i], Hex.Encode(error.EncodeRevertData(values)));
            var reason = decoder.Decode(data);
            if (i % 5 == 0)
            {
                var unknown = Assert.IsType<UnknownRevert>(reason);
                Assert.Equal(Hex.Encode(error.Selector), Hex.Encode(unknown.Selector));
                continue;
            }
            var custom = Assert.IsType<CustomErrorRevert>(reason);
            Assert.Equal(error.Signature, custom.Error.Signature);
            AbiValueAssert.Equal(error.InputType, values, custom.Arguments, error.Signature);
        }
        for (var i = 0; i < Messages; i++)
        {
            var reason = Assert.IsType<ErrorMessageRevert>(decoder.Decode(Hex.Decode(outputs[CustomErrors + i])));
            Assert.Equal(messages[i], reason.Reason);
        }
        for (var i = 0; i < Panics; i++)
        {
            var reason = Assert.IsType<PanicRevert>(decoder.Decode(Hex.Decode(outputs[CustomErrors + Messages + i])));
            Assert.Equal(panics[i], reason.Code);
        }
    }
}
