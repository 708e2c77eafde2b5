using Coordination.Web.Pages.Account;

namespace Coordination.Web.Tests.Pages.Account;

/// <summary>
/// The structure of the QR codes the set-up page draws. (Their content was also checked by decoding them with zbar,
/// versions 1 to 38, which these tests cannot do without that tool.)
/// </summary>
public sealed class QrCodeTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(100, 6)]
    [InlineData(300, 13)]
    public void Encode_ChoosesTheSmallestVersionThatHoldsTheText(int length, int version)
    {
        var qr = QrCode.Encode(new string('a', length));

        qr.Version.ShouldBe(version);
        qr.Size.ShouldBe(version * 4 + 17);
    }

    [Fact]
    public void Encode_DrawsTheFinderAndTimingPatterns()
    {
        var qr = QrCode.Encode("otpauth://totp/Coordination:someone%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Coordination&digits=6");
        var size = qr.Size;

        foreach (var (x, y) in new[] { (0, 0), (size - 7, 0), (0, size - 7) })
        {
            for (var i = 0; i < 7; i++)
            {
                qr.IsDark(x + i, y).ShouldBeTrue();
                qr.IsDark(x + i, y + 6).ShouldBeTrue();
            }

            qr.IsDark(x + 1, y + 1).ShouldBeFalse();
            qr.IsDark(x + 3, y + 3).ShouldBeTrue();
        }

        for (var i = 8; i < size - 8; i++)
        {
            qr.IsDark(i, 6).ShouldBe(i % 2 == 0);
            qr.IsDark(6, i).ShouldBe(i % 2 == 0);
        }

        qr.IsDark(8, size - 8).ShouldBeTrue("the dark module");
    }

    [Fact]
    public void Svg_IsAnImageWithALabelAndNoStyleAttribute()
    {
        var svg = QrCode.Svg("otpauth://totp/x?secret=ABC", "QR code <for> you");

        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\" role=\"img\" aria-label=\"QR code &lt;for&gt; you\"");
        svg.ShouldNotContain("style");
        svg.ShouldEndWith("</svg>");
    }

    [Fact]
    public void Encode_TextBeyondTheLargestVersion_IsRefused() =>
        Should.Throw<ArgumentException>(() => QrCode.Encode(new string('a', 3000)));
}
