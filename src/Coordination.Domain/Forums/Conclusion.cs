using System.Text.RegularExpressions;
using Coordination.Domain.Common;

namespace Coordination.Domain.Forums;

/// <summary>Numbered text adopted by a forum, with its theme and its alignment to the GCM objectives and SDG targets.</summary>
public sealed partial class Conclusion : VersionedEntity
{
    public const int TextMaxLength = 8000;
    public const int ThemeMaxLength = 150;
    public const int GcmObjectiveCount = 23;

    private Conclusion(Guid id, Guid forumId)
        : base(id)
    {
        ForumId = forumId;
        Text = "";
        Theme = "";
    }

    public Guid ForumId { get; private set; }

    /// <summary>Unique within the forum.</summary>
    public int Number { get; private set; }

    public string Text { get; private set; }

    public string Theme { get; private set; }

    /// <summary>Global Compact for Migration objectives, 1 to 23.</summary>
    public List<int> GcmObjectives { get; private set; } = [];

    /// <summary>SDG targets such as <c>10.7</c> or <c>17.18</c>.</summary>
    public List<string> SdgTargets { get; private set; } = [];

    public static Conclusion Create(Guid forumId, int number, string text, string theme, IEnumerable<int> gcmObjectives, IEnumerable<string> sdgTargets)
    {
        var conclusion = new Conclusion(Guid.CreateVersion7(), forumId);
        conclusion.Change(number, text, theme, gcmObjectives, sdgTargets);
        return conclusion;
    }

    public void Change(int number, string text, string theme, IEnumerable<int> gcmObjectives, IEnumerable<string> sdgTargets)
    {
        if (number < 1)
            throw new DomainException("A conclusion's number starts at 1.");
        var objectives = gcmObjectives.Distinct().Order().ToList();
        if (objectives.Any(o => o is < 1 or > GcmObjectiveCount))
            throw new DomainException("GCM objectives are numbered from 1 to 23.");
        var targets = sdgTargets.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (targets.FirstOrDefault(t => !IsSdgTarget(t)) is { } wrong)
            throw new DomainException("'{0}' is not an SDG target (write it like 10.7 or 17.18).", wrong);

        var checkedText = Guard.Required(text, "The text", TextMaxLength);
        var checkedTheme = Guard.Required(theme, "The theme", ThemeMaxLength);

        Number = number;
        Text = checkedText;
        Theme = checkedTheme;
        GcmObjectives = objectives;
        SdgTargets = targets;
    }

    public static bool IsSdgTarget(string? target) => target is not null && SdgTargetPattern().IsMatch(target);

    // Goals 1–17; targets are numbers (10.7) or letters (10.a).
    [GeneratedRegex(@"^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$")]
    private static partial Regex SdgTargetPattern();
}
