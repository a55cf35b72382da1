using QRCoder;

namespace ClinicBot.Staff.Security;

/// <summary>
/// The enrolment QR code: the standard otpauth:// URI that authenticator apps scan, drawn on the server as SVG
/// (inline in the page: no script, no image request, nothing sent elsewhere).
/// </summary>
public static class AuthenticatorQrCode
{
    public const string Issuer = "ClinicBot";

    public static string Uri(string accountEmail, string base32Key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(accountEmail)}" +
        $"?secret={base32Key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    public static string Svg(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
