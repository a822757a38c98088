using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Ledger.Gateway.IntegrationTests.Fuzz;

/// <summary>One generated call: which method, with which request bytes.</summary>
/// <param name="Method">The RPC.</param>
/// <param name="Body">The serialized request (possibly with invalid UTF-8 in one string field).</param>
/// <param name="Description">What was generated, for a failure report (no more than a few hundred characters).</param>
public sealed record FuzzCall(MethodDescriptor Method, byte[] Body, string Description);

/// <summary>
/// Builds requests for any method from its proto descriptor: every field gets a value of its
/// type (chosen by <see cref="FuzzValues"/> with the field's name in mind) or is left unset, so
/// a new RPC or field is fuzzed without changes here. One string field in three requests
/// carries invalid UTF-8, written into the serialized bytes.
/// </summary>
public sealed class FuzzRequests(FuzzValues values)
{
    private const string Marker = "~fuzz-utf8~";
    private const int MaxDepth = 4;

    /// <summary>A generated request for <paramref name="method"/>.</summary>
    public FuzzCall Generate(MethodDescriptor method)
    {
        var message = Build(method.InputType, depth: 0);
        var strings = new List<(IMessage Owner, FieldDescriptor Field, int Index)>();
        CollectStrings(message, strings);
        if (strings.Count > 0 && values.Chance(0.33))
        {
            var (owner, field, index) = values.Pick(strings);
            SetString(owner, field, index, Marker);
            var bad = values.InvalidUtf8(Marker);
            return new FuzzCall(method, Replace(message.ToByteArray(), Marker, bad), $"{Describe(message)} with invalid UTF-8 {Convert.ToHexString(bad)} in {field.Name}");
        }
        return new FuzzCall(method, message.ToByteArray(), Describe(message));
    }

    private IMessage Build(MessageDescriptor descriptor, int depth)
    {
        if (descriptor.FullName == Timestamp.Descriptor.FullName)
            return values.Timestamp();
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (values.Chance(0.2))
                continue; // missing field
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = values.Count();
                for (var i = 0; i < count; i++)
                {
                    if (Value(field, depth) is { } item)
                        list.Add(item);
                }
            }
            else if (Value(field, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }
        return message;
    }

    private object? Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => values.Text(field.Name),
        FieldType.UInt64 or FieldType.Fixed64 => values.UInt64(),
        FieldType.UInt32 or FieldType.Fixed32 => values.UInt32(),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => (long)values.UInt64(),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)values.UInt32(),
        FieldType.Bool => values.Chance(0.5),
        FieldType.Bytes => ByteString.CopyFrom(values.Bytes()),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, values.EnumNumber(field.EnumType.Values.Select(v => v.Number).ToList())),
        FieldType.Message when depth < MaxDepth => Build(field.MessageType, depth + 1),
        _ => null,
    };

    private static void CollectStrings(IMessage message, List<(IMessage, FieldDescriptor, int)> found)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                var list = (IList)value;
                for (var i = 0; i < list.Count; i++)
                {
                    if (field.FieldType == FieldType.String && ((string)list[i]!).Length > 0)
                        found.Add((message, field, i));
                    else if (list[i] is IMessage item)
                        CollectStrings(item, found);
                }
            }
            else if (field.FieldType == FieldType.String && value is string { Length: > 0 } && IsSet(message, field))
            {
                found.Add((message, field, -1));
            }
            else if (value is IMessage nested)
            {
                CollectStrings(nested, found);
            }
        }
    }

    private static bool IsSet(IMessage message, FieldDescriptor field) =>
        field.RealContainingOneof is not { } oneof || oneof.Accessor.GetCaseFieldDescriptor(message) == field;

    private static void SetString(IMessage owner, FieldDescriptor field, int index, string text)
    {
        if (index < 0)
            field.Accessor.SetValue(owner, text);
        else
            ((IList)field.Accessor.GetValue(owner))[index] = text;
    }

    private static byte[] Replace(byte[] bytes, string marker, byte[] replacement)
    {
        var target = System.Text.Encoding.UTF8.GetBytes(marker);
        var at = bytes.AsSpan().IndexOf(target);
        replacement.CopyTo(bytes, at);
        return bytes;
    }

    private static string Describe(IMessage message)
    {
        string text;
        try
        {
            text = message.ToString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // JSON cannot show a Timestamp outside 0001..9999; the descriptor's name will do.
            text = $"{message.Descriptor.Name} with an unprintable timestamp";
        }
        return text.Length <= 300 ? text : text[..300] + "...";
    }
}
