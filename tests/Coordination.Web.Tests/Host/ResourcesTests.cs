using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentValidation;

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
            .SelectMany(SourceFiles)
            .SelectMany(f => RuleSentence().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups["key"].Value)))
            .ToHashSet();

        sentences.ShouldNotBeEmpty();
        sentences.ShouldAllBe(s => !s.Contains('{') || s.Contains("{0}"), "templates take their values as {0}, {1}…, not interpolated");
        sentences.Except(spanish).ShouldBeEmpty("sentences of the rules a Spanish reader would see in English");
    }

    [Fact]
    public void Resources_EveryMessageOfTheValidators_HasASpanishText()
    {
        var spanish = Keys("SharedResource.es.resx");
        var messages = ValidatorMessages().ToList();

        // Interpolated constants are read as written out, so the key is the text a caller receives.
        messages.ShouldContain(("ReportProgressValidator.IdempotencyKey", "The Idempotency-Key header must be at most 100 characters."));
        messages.Where(m => m.Text is not null).Select(m => m.Text!).Except(spanish)
            .ShouldBeEmpty("validator messages a form or an API caller would read in English");
        messages.Where(m => m.Text is null).Select(m => m.Rule).Except(WrittenFromTheInput)
            .ShouldBeEmpty("messages written from the input, which no key finds: put the value in as {PropertyValue}");
    }

    [Fact]
    public void Resources_EveryRefusedInputOfTheHandlers_HasASpanishText()
    {
        var spanish = Keys("SharedResource.es.resx");
        var messages = SourceFiles("Coordination.Application")
            .SelectMany(f => RefusedInput().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups["key"].Value)))
            .ToHashSet();

        messages.ShouldNotBeEmpty();
        messages.Except(spanish).ShouldBeEmpty("refused input a form or an API caller would read in English");
    }

    /// <summary>
    /// Rules whose message is written from the input (<c>WithMessage(c => …)</c>), so it reaches a Spanish reader in
    /// English. Known; to be rewritten by their owners. Do not add to this list.
    /// </summary>
    private static readonly string[] WrittenFromTheInput =
    [
        "SetReviewScheduleValidator.ReminderOffsets",
        "CreateConclusionValidator.GcmObjectives", "CreateConclusionValidator.SdgTargets",
        "UpdateConclusionValidator.GcmObjectives", "UpdateConclusionValidator.SdgTargets",
    ];

    /// <summary>
    /// The messages every validator of the application was given, as FluentValidation holds them: interpolated
    /// constants are in place, <c>{PropertyValue}</c> stays a placeholder. FluentValidation's own messages (they name
    /// the <c>{PropertyName}</c>) come in Spanish from FluentValidation itself. A message written from the input has
    /// no text without one (null).
    /// </summary>
    private static IEnumerable<(string Rule, string? Text)> ValidatorMessages()
    {
        var validators = typeof(Application.DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t));
        foreach (var type in validators)
        {
            // The services a validator takes are used when it validates, not when it declares its rules.
            var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
            var validator = (IValidator)constructor.Invoke(new object?[constructor.GetParameters().Length]);
            foreach (var rule in validator.CreateDescriptor().Rules)
            {
                foreach (var component in rule.Components)
                {
                    var message = UnformattedMessage(component);
                    if (message is null || !message.Contains("{PropertyName}", StringComparison.Ordinal))
                        yield return ($"{type.Name}.{rule.PropertyName}", message);
                }
            }
        }
    }

    private static string? UnformattedMessage(FluentValidation.Internal.IRuleComponent component)
    {
        try
        {
            return component.GetUnformattedErrorMessage();
        }
        catch (NullReferenceException)
        {
            return null; // the message reads the input, of which there is none here
        }
    }

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(Path.Combine(Root, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

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

    // Input a handler refuses itself, after the validators: the failures it throws and the ones a rule adds.
    [GeneratedRegex("""(?:new ValidationFailure\([^,()]+,\s*|AddFailure\(|InvalidInput\.On\([^,()]+,\s*|Refused\()"(?<key>(?:[^"\\]|\\.)+)"\)""")]
    private static partial Regex RefusedInput();
}
