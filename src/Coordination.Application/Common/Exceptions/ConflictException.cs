using Coordination.Domain.Common;

namespace Coordination.Application.Common.Exceptions;

/// <summary>A stale version or a state that forbids the change: 409 with a sentence a user understands.</summary>
public sealed class ConflictException(string template, params object[] arguments)
    : Exception(Sentences.Format(template, arguments)), ISentence
{
    public string Template { get; } = template;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
