using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Coordination.Web.Tests.Host;

/// <summary>Every interface string exists in English and in Spanish: a missing key would show the English text to a Spanish reader.</summary>
public sealed partial class ResourcesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Resources_EnglishAndSpanish_HaveTheSameKeys()
    {
        var english = Keys("SharedResource.resx");
        var spanish = Keys("SharedResource.es.resx");

        english.Except(spanish).ShouldBeEmpty("keys without a Spanish text");
        // Resource names are compared ignoring case when the files are compiled: the second of two is dropped.
        english.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ShouldBeEmpty("keys that differ only in case");
        spanish.Except(english).ShouldBeEmpty("Spanish texts without an English key");
    }

    [Fact]
    public void Resources_EveryStringLookedUpInPagesAndModels_HasASpanishText()
    {
        var spanish = Keys("SharedResource.es.resx");
        var web = Path.Combine(Root, "src", "Coordination.Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LookUp().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups["key"].Value)))
            .ToHashSet();

        used.ShouldNotBeEmpty();
        used.Except(spanish).ShouldBeEmpty("strings used in the interface without a Spanish text");
    }

    [Fact]
    public void Resources_EverySentenceOfTheRules_HasASpanishText()
    {
        var spanish = Keys("SharedResource.es.resx");
        var sentences = new[] { "Coordination.Domain", "Coordination.Application" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(Root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RuleSentence().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups["key"].Value)))
            .ToHashSet();

        sentences.ShouldNotBeEmpty();
        sentences.ShouldAllBe(s => !s.Contains('{') || s.Contains("{0}"), "templates take their values as {0}, {1}…, not interpolated");
        sentences.Except(spanish).ShouldBeEmpty("sentences of the rules a Spanish reader would see in English");
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root, "src", "Coordination.Web", "Resources", file)).Root!
            .Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coordination.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Coordination.sln not found above the test's folder.");
    }

    // T["…"] and t["…"] in pages and page models; ErrorMessage = "…" and Display(Name = "…") in input models.
    [GeneratedRegex("""(?:\b[Tt]\[|ErrorMessage\s*=\s*|Display\(Name\s*=\s*)"(?<key>(?:[^"\\]|\\.)+)"[\],)]""")]
    private static partial Regex LookUp();

    // The sentences a refused change shows, and the field names Guard puts into them.
    [GeneratedRegex("""(?:(?:DomainException|ConflictException|EnsureNotCancelled|EnsureSubmitted)\(\$?|Guard\.(?:Required|Optional)\([^,]+,\s*)"(?<key>(?:[^"\\]|\\.)+)"[,)]""")]
    private static partial Regex RuleSentence();
}
