using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Coordination.Web.Tests.Pages.Account;

/// <summary>
/// RFC 6238 as an authenticator app computes it (HMAC-SHA1, 30-second steps, 6 digits), written from the RFC rather than
/// borrowed from the app, so the tests check the app against the standard.
/// </summary>
public static class Totp
{
    public static long CurrentStep() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Key, long step)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 6238 appendix B's SHA-1 vectors, truncated to 6 digits, prove the helper itself.</summary>
    public static IEnumerable<(long UnixTime, string Code)> RfcVectors() =>
    [
        (59, "287082"),
        (1111111109, "081804"),
        (1111111111, "050471"),
        (1234567890, "005924"),
        (2000000000, "279037"),
    ];

    /// <summary>The RFC's key "12345678901234567890" in base32.</summary>
    public const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8)
                continue;
            bits -= 8;
            output.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }

        return [.. output];
    }
}
