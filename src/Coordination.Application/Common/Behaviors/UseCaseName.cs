namespace Coordination.Application.Common.Behaviors;

internal static class UseCaseName
{
    /// <summary><c>AssignActionPointCommand</c> → <c>AssignActionPoint</c>: the action recorded in the audit log.</summary>
    public static string Of(object message)
    {
        var name = message.GetType().Name;
        foreach (var suffix in (ReadOnlySpan<string>)["Command", "Query"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                return name[..^suffix.Length];
        }

        return name;
    }
}
