using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Coordination.Application.Progress;

/// <summary>
/// The fingerprint of a progress report, to tell a retry (same key, same request) from a different request that
/// reuses a key. Canonical: blanks are nulls, text is trimmed, links are in the order given and decimals lose
/// trailing zeros, so the same report written two ways hashes the same.
/// </summary>
internal static class IdempotentRequest
{
    public const int KeyMaxLength = 100;

    public static string Hash(ReportProgressCommand command)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            command.AssignmentId,
            command.Status?.ToString(),
            command.PercentComplete,
            Text(command.Narrative),
            Text(command.Obstacles),
            Text(command.SupportNeeded),
            (command.EvidenceLinks ?? []).Select(Text).OfType<string>().ToArray(),
            command.IndicatorValue?.ToString("0.############################", CultureInfo.InvariantCulture),
            command.ReviewCycleId,
            command.RevisionOfId,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
