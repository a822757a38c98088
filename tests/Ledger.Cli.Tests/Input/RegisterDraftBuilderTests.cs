using System.Text;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Cli.Input;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Input;

public class RegisterDraftBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static byte[] CitesSample() =>
        File.ReadAllBytes(Path.Combine(ToolPaths.RepositoryRoot, "samples", "documents", "cites-export-CH-2026-000123.xml"));

    private static RegisterOptions Nothing => new(null, null, null, null, null, [], 1, null);

    [Fact]
    public void A_cites_document_alone_goes_without_any_field_for_the_gateway_to_fill()
    {
        var draft = RegisterDraftBuilder.Build(CitesSample(), Nothing, Now);

        Assert.Equal(CitesSample(), draft.Document.ToByteArray());
        Assert.Equal("", draft.PermitId);
        Assert.Equal(PermitType.Unspecified, draft.Type);
        Assert.Null(draft.ValidFrom);
        Assert.Null(draft.ValidUntil);
        Assert.Equal("", draft.DestinationCountry);
        Assert.Empty(draft.Lines);
    }

    [Fact]
    public void With_a_cites_document_only_the_options_given_go_along_to_be_checked()
    {
        var draft = RegisterDraftBuilder.Build(CitesSample(), Nothing with { PermitId = "CH/2026/000123", Quantities = ["40", "250"], Destination = "FR" }, Now);

        Assert.Equal("CH/2026/000123", draft.PermitId);
        Assert.Equal(["40", "250"], draft.Lines.Select(l => l.Amount));
        Assert.Equal("FR", draft.DestinationCountry);
        Assert.Null(draft.ValidFrom);
        Assert.Equal(PermitType.Unspecified, draft.Type);
    }

    [Fact]
    public void Another_document_needs_the_permit_id_and_quantities_and_gets_the_usual_defaults()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 a scanned permit");

        var refused = Assert.Throws<CliInputException>(() => RegisterDraftBuilder.Build(pdf, Nothing, Now));
        var draft = RegisterDraftBuilder.Build(pdf, Nothing with { PermitId = "CH/2026/9", Quantities = ["3"] }, Now);

        Assert.Contains("give the permit ID and at least one --quantity", refused.Message);
        Assert.Equal(PermitType.CitesExport, draft.Type);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), draft.ValidFrom.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 6, 2, 0, 0, 0, TimeSpan.Zero), draft.ValidUntil.ToDateTimeOffset());
    }

    [Fact]
    public void A_broken_cites_document_still_counts_as_one_for_the_gateway_to_report_on()
    {
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CitesSample()).Replace("<ram:ID>CH/2026/000123</ram:ID>", "", StringComparison.Ordinal));

        Assert.True(RegisterDraftBuilder.IsCitesOrEPhyto(broken));
        Assert.False(RegisterDraftBuilder.IsCitesOrEPhyto("{\"json\": true}"u8.ToArray()));
    }
}
