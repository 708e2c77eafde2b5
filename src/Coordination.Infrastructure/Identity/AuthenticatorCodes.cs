using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Infrastructure.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), checked so that each code works once.
/// Identity's own provider accepts the same code again for as long as it is in its window; here the last accepted
/// time step is kept per person (in Identity's user tokens table) and a code for that step or an earlier one is refused.
/// </summary>
public static class AuthenticatorCodes
{
    /// <summary>The "login provider" under which the last accepted step is kept in the user tokens table.</summary>
    public const string TokenProvider = "Coordination";

    public const string LastStepTokenName = "AuthenticatorLastStep";

    private const int StepSeconds = 30;

    /// <summary>What a person types: spaces and dashes the app shows between digit groups are ignored.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>
    /// The time step whose code is <paramref name="code"/>, allowing one step of clock drift either way (RFC 6238's
    /// recommendation), or null.
    /// </summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return null;
        var key = Base32Decode(base32Key);
        if (key.Length == 0)
            return null;
        var current = now.ToUnixTimeSeconds() / StepSeconds;
        long? match = null;
        // Every candidate is computed and compared in constant time, so the timing says nothing about which one matched.
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(key, step)), Encoding.ASCII.GetBytes(code)))
                match ??= step;
        }

        return match;
    }

    public static string Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Accepts the code once: true when it matches a step later than the last accepted one, which is then recorded.
    /// Recording goes through Identity's concurrency stamp, so of two requests racing with the same code only one wins.
    /// </summary>
    public static async Task<bool> TryUseAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? code, DateTimeOffset now)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
            return false;
        if (MatchingStep(key, Normalize(code), now) is not { } step)
            return false;

        var last = await users.GetAuthenticationTokenAsync(user, TokenProvider, LastStepTokenName);
        if (long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
            return false;

        var recorded = await users.SetAuthenticationTokenAsync(user, TokenProvider, LastStepTokenName, step.ToString(CultureInfo.InvariantCulture));
        return recorded.Succeeded;
    }

    /// <summary>RFC 4648 base32, as authenticator keys are written; case, spaces and padding are ignored.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=' or '-')
                continue;
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                return [];
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
