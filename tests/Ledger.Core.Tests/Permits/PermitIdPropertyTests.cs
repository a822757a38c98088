using System.Text;
using System.Text.RegularExpressions;
using Ledger.Core.Countries;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;

namespace Ledger.Core.Tests.Permits;

/// <summary>Seeded random inputs: the normalisation rules must hold for every one of them.</summary>
public class PermitIdPropertyTests
{
    private const int Cases = 2000;
    private const string Separators = "/-._";
    private static readonly string[] Countries = CountryCode.All.Select(c => c.Value).Order(StringComparer.Ordinal).ToArray();
    private static readonly Regex NormalisedShape = new("^[A-Z]{2}[/._-]([A-Z0-9]+[/._-])*[A-Z0-9]+$");

    [Fact]
    public void Messy_typings_of_a_valid_number_normalise_to_it()
    {
        var random = new Random(20260301);
        for (var i = 0; i < Cases; i++)
        {
            var canonical = RandomCanonicalId(random);
            var typed = MessUp(random, canonical);

            Assert.True(PermitId.TryParse(typed, out var id, out var error), $"{Escape(typed)}: {error}");
            Assert.Equal(canonical, id.Normalised);
            Assert.Equal(Keccak.HashUtf8(canonical), id.Key.Value);
        }
    }

    [Fact]
    public void Normalising_is_idempotent_and_accepted_ids_round_trip()
    {
        var random = new Random(7);
        var (accepted, rejected) = (0, 0);
        for (var i = 0; i < Cases * 5; i++)
        {
            var typed = RandomInput(random);
            if (!PermitId.TryParse(typed, out var id, out var error))
            {
                rejected++;
                Assert.False(string.IsNullOrWhiteSpace(error));
                Assert.True(error.Length < 300, $"message too long for {Escape(typed)}");
                continue;
            }
            accepted++;
            Assert.Matches(NormalisedShape, id.Normalised);
            Assert.InRange(id.Normalised.Length, PermitId.MinLength, PermitId.MaxLength);
            Assert.Equal(id.Normalised[..2], id.Country.Value);

            var again = PermitId.Parse(id.Normalised);
            Assert.Equal(id.Normalised, again.Normalised);
            Assert.Equal(id.Key, again.Key);
        }
        // Both branches must really be exercised, or the test proves nothing.
        Assert.True(accepted > Cases / 2, $"only {accepted} accepted");
        Assert.True(rejected > Cases / 2, $"only {rejected} rejected");
    }

    private static string RandomCanonicalId(Random random)
    {
        var builder = new StringBuilder(Countries[random.Next(Countries.Length)]);
        var parts = random.Next(1, 5);
        for (var p = 0; p < parts; p++)
        {
            builder.Append(Separators[random.Next(Separators.Length)]);
            var length = random.Next(1, 10);
            for (var c = 0; c < length; c++)
                builder.Append(random.Next(3) == 0 ? (char)('A' + random.Next(26)) : (char)('0' + random.Next(10)));
        }
        return builder.ToString();
    }

    private static readonly string[] Whitespace = [" ", "\t", "\u00A0", "  ", " \u2003"];

    private static string MessUp(Random random, string canonical)
    {
        var builder = new StringBuilder();
        if (random.Next(2) == 0)
            builder.Append(Whitespace[random.Next(Whitespace.Length)]);
        foreach (var c in canonical)
        {
            var separator = Separators.Contains(c);
            if (separator && random.Next(3) == 0)
                builder.Append(Whitespace[random.Next(Whitespace.Length)]);
            builder.Append(char.IsAsciiLetter(c) && random.Next(2) == 0 ? char.ToLowerInvariant(c) : c);
            if (separator && random.Next(3) == 0)
                builder.Append(Whitespace[random.Next(Whitespace.Length)]);
        }
        if (random.Next(2) == 0)
            builder.Append(Whitespace[random.Next(Whitespace.Length)]);
        return builder.ToString();
    }

    // Mostly plausible characters, some hostile ones, so that both outcomes are common.
    private const string Alphabet = "abcxyzABCXYZ0123456789/-._/-._     \t\u00A0\u2013#ßé\u200B";

    private static string RandomInput(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(4) != 0)
        {
            var country = Countries[random.Next(Countries.Length)];
            builder.Append(random.Next(2) == 0 ? country : country.ToLowerInvariant());
            builder.Append(Separators[random.Next(Separators.Length)]);
        }
        var length = random.Next(0, 24);
        for (var i = 0; i < length; i++)
        {
            // Hostile characters stay rare so that many inputs survive.
            var c = Alphabet[random.Next(Alphabet.Length)];
            builder.Append(char.IsAsciiLetterOrDigit(c) || random.Next(6) == 0 ? c : (char)('0' + random.Next(10)));
        }
        return builder.ToString();
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
