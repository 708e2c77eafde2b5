namespace Coordination.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainException("{0} is required.", what);
        if (trimmed.Length > maxLength)
            throw new DomainException("{0} must be at most {1} characters.", what, maxLength);
        return trimmed;
    }

    public static string? Optional(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new DomainException("{0} must be at most {1} characters.", what, maxLength);
        return trimmed;
    }
}
