namespace Coordination.Domain.Common;

/// <summary>A broken business rule, with a sentence the person who tried can read and act on.</summary>
public sealed class DomainException(string template, params object[] arguments)
    : Exception(Sentences.Format(template, arguments)), ISentence
{
    public string Template { get; } = template;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
