using Ledger.Cli.Connection;
using Ledger.Cli.Input;

namespace Ledger.Cli.Tests.Input;

public class InputTests
{
    [Theory]
    [InlineData("1")]
    [InlineData(" 10 ")]
    [InlineData("79228162514264337593543950335")] // 2^96 - 1
    public void Permit_quantities_accept_whole_numbers_up_to_uint96(string amount) =>
        Assert.Equal(amount.Trim(), Quantities.Parse([amount], minimum: 1).Single().Amount);

    [Theory]
    [InlineData("0")]
    [InlineData("79228162514264337593543950336")] // 2^96
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1,000")]
    [InlineData("")]
    [InlineData("+3")]
    public void Permit_quantities_reject_zero_overflow_signs_and_separators(string amount)
    {
        var error = Assert.Throws<CliInputException>(() => Quantities.Parse([amount], minimum: 1));
        Assert.Contains($"'{amount}'", error.Message);
    }

    [Fact]
    public void Shipment_quantities_may_be_zero() => Assert.Equal("0", Quantities.Parse(["0", "4"], minimum: 0)[0].Amount);

    [Fact]
    public void At_most_sixteen_lines()
    {
        Assert.Equal(16, Quantities.Parse(Enumerable.Repeat("1", 16).ToArray(), 1).Count);
        Assert.Throws<CliInputException>(() => Quantities.Parse(Enumerable.Repeat("1", 17).ToArray(), 1));
        Assert.Throws<CliInputException>(() => Quantities.Parse([], 1));
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-01T00:00:00Z")]
    [InlineData("2026-06-01T12:00:00Z", "2026-06-01T12:00:00Z")]
    [InlineData("2026-06-01T12:00:00+02:00", "2026-06-01T10:00:00Z")]
    [InlineData("2026-06-01T12:00:00", "2026-06-01T12:00:00Z")]
    public void Dates_are_read_as_UTC(string text, string expected) =>
        Assert.Equal(expected, Dates.Parse(text, "--valid-from").ToDateTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("01.06.2026")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01")]
    public void Bad_dates_name_the_option(string text) =>
        Assert.Contains("--valid-until", Assert.Throws<CliInputException>(() => Dates.Parse(text, "--valid-until")).Message);

    [Fact]
    public void The_default_start_of_validity_is_the_same_all_day_so_a_retry_is_the_same_request()
    {
        var morning = Dates.DefaultValidFrom(new DateTimeOffset(2026, 11, 22, 0, 0, 1, TimeSpan.Zero));
        var evening = Dates.DefaultValidFrom(new DateTimeOffset(2026, 11, 22, 23, 59, 59, TimeSpan.Zero));
        var nextDay = Dates.DefaultValidFrom(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(morning, evening);
        Assert.Equal(new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), morning.ToDateTime());
        Assert.NotEqual(morning, nextDay);
        // Local offsets do not move the day: 01:00 at +02:00 is still 21 November in UTC.
        Assert.Equal(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc),
            Dates.DefaultValidFrom(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.FromHours(2))).ToDateTime());
    }

    [Fact]
    public void A_fresh_request_id_follows_the_gateway_rule_and_differs_each_time()
    {
        var first = RequestIds.Choose(null);
        var second = RequestIds.Choose(null);

        Assert.NotEqual(first, second);
        Assert.Equal(first, RequestIds.Choose(first));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space in it")]
    [InlineData("slash/is/not/allowed")]
    public void Bad_request_ids_are_refused(string given) => Assert.Throws<CliInputException>(() => RequestIds.Choose(given));

    [Fact]
    public void Derived_request_ids_stay_within_64_characters_and_differ_per_batch()
    {
        var longest = new string('a', 64);

        Assert.True(RequestIds.Derive(longest, 999_999).Length <= 64);
        Assert.NotEqual(RequestIds.Derive(longest, 1), RequestIds.Derive(longest, 2));
        Assert.Equal(RequestIds.Derive("abcdefgh", 3), RequestIds.Choose(RequestIds.Derive("abcdefgh", 3)));
    }

    [Fact]
    public void Batch_files_read_proto_json_lines_and_name_the_bad_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "# two permits",
                """{"permitId":"CH/2026/1","type":"PERMIT_TYPE_CITES_EXPORT","document":"PHg+","lines":[{"amount":"5"}],"maxShipments":1}""",
                "",
                """{"permitId":"CH/2026/2","type":"PERMIT_TYPE_EPHYTO","document":"PHk+","lines":[{"amount":"7"}]}""",
            ]);
            var drafts = BatchFile.Read(path);
            Assert.Equal(["CH/2026/1", "CH/2026/2"], drafts.Select(d => d.PermitId));
            Assert.Equal("<x>", drafts[0].Document.ToStringUtf8());
            Assert.Equal(Ledger.Api.V1.PermitType.Ephyto, drafts[1].Type);

            File.AppendAllLines(path, ["""{"permitId":"CH/2026/3","noSuchField":1}"""]);
            Assert.Contains($"{path}:5:", Assert.Throws<CliInputException>(() => BatchFile.Read(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
