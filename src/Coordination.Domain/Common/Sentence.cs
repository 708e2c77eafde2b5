using System.Globalization;

namespace Coordination.Domain.Common;

/// <summary>
/// A sentence for a person, kept as its English template and the values put into it, so the interface can look the
/// template up in the reader's language and put the same values in. <see cref="Exception.Message"/> stays English.
/// </summary>
public interface ISentence
{
    /// <summary>The English text with <c>{0}</c>, <c>{1}</c>… where the values go; the key of its translations.</summary>
    string Template { get; }

    IReadOnlyList<object> Arguments { get; }
}

public static class Sentences
{
    public static string Format(string template, IReadOnlyList<object> arguments) =>
        arguments.Count == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, [.. arguments]);
}
