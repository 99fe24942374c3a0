using QRCoder;

namespace Kith.Wire.Cards;

/// <summary>
/// QR codes (ISO/IEC 18004) for card and safety-number payloads, rendered by QRCoder with error-correction
/// level L, which leaves the most room for data; a card QR is shown on a screen, not printed on a worn label.
/// Payloads in upper-case base32 are encoded in alphanumeric mode (5.5 bits per character instead of 8).
/// </summary>
/// <remarks>
/// This is presentation, but it lives beside the text forms it renders so that the card's size limits and
/// its QR capacity are checked in one place (docs/ARCHITECTURE.md, Kith.Wire). It performs no I/O.
/// </remarks>
public static class QrCodes
{
    /// <summary>A compact terminal rendering using Unicode half blocks (two modules per character row).</summary>
    public static string ToTerminalText(string payload)
    {
        using QRCodeData data = Create(payload);
        using var ascii = new AsciiQRCode(data);
        return ascii.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n");
    }

    /// <summary>An SVG image.</summary>
    public static string ToSvg(string payload, int pixelsPerModule = 4)
    {
        using QRCodeData data = Create(payload);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(pixelsPerModule);
    }

    /// <summary>A PNG image (black on white, with quiet zone).</summary>
    public static byte[] ToPng(string payload, int pixelsPerModule = 4)
    {
        using QRCodeData data = Create(payload);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    /// <summary>The QR version (1 to 40) the payload needs.</summary>
    public static int VersionFor(string payload)
    {
        using QRCodeData data = Create(payload);
        return data.Version;
    }

    private static QRCodeData Create(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.L);
    }
}
