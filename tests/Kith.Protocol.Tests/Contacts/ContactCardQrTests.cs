using System.Diagnostics;
using Kith.Primitives;
using Kith.Protocol.Contacts;
using Kith.Wire.Cards;

namespace Kith.Protocol.Tests.Contacts;

public class ContactCardQrTests
{
    private static readonly long Later = CardFixture.Start + CardFixture.Day;

    /// <summary>Decodes a PNG with Debian's zbarimg (zbar-tools), as an independent QR reader.</summary>
    private static string ReadWithZbar(byte[] png)
    {
        string path = Path.Combine(Path.GetTempPath(), $"kith-qr-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, png);
        try
        {
            var start = new ProcessStartInfo("zbarimg", ["--raw", "-q", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return output.TrimEnd('\n', '\r');
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(1, CardContent.Full)]
    [InlineData(3, CardContent.NoPrekeys)]
    public void The_qr_png_decodes_back_to_the_same_card(int devices, CardContent expectedContent)
    {
        using var f = new CardFixture(20, devices);
        ContactCard card = f.Card();
        (string payload, CardContent content) = ContactCardText.ToFittingQrPayload(card).Value;
        Assert.Equal(expectedContent, content);
        Assert.True(payload.Length <= Limits.MaxQrAlphanumericChars);
        string scanned = ReadWithZbar(QrCodes.ToPng(payload, pixelsPerModule: 4));
        Assert.Equal(payload, scanned);
        VerifiedCard verified = ContactCards.Verify(scanned, Later).Value;
        Assert.Equal(card.WithContent(content).ToBytes(), verified.Card.ToBytes());
    }

    [Fact]
    public void Terminal_and_svg_renderings_are_produced()
    {
        using var f = new CardFixture(21, 1);
        string payload = ContactCardText.ToFittingQrPayload(f.Card()).Value.Payload;
        string terminal = QrCodes.ToTerminalText(payload);
        Assert.True(terminal.Split('\n').Length > 40);
        Assert.Contains("<svg", QrCodes.ToSvg(payload), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Card_sizes_in_every_form(int devices)
    {
        using var f = new CardFixture(22, devices);
        ContactCard card = f.Card();
        (string qr, CardContent content) = ContactCardText.ToFittingQrPayload(card).Value;
        string detail = string.Join("; ", Enum.GetValues<CardContent>().Select(c => $"{c}: {card.WithContent(c).ToBytes().Length} B / {ContactCardText.QrPayloadLength(card.WithContent(c))} chars"));
        TestContext.Current.TestOutputHelper!.WriteLine(detail + " || " + 
            $"{devices} device(s): binary {card.ToBytes().Length} B, text {ContactCardText.ToText(card).Length} chars, " +
            $"link {ContactCardText.ToLink(card).Length} chars, QR {qr.Length} chars ({content}, version {QrCodes.VersionFor(qr)}), " +
            $"full card as QR text would be {ContactCardText.QrPayloadLength(card)} chars");
        Assert.True(qr.Length <= Limits.MaxQrAlphanumericChars);
    }
}
