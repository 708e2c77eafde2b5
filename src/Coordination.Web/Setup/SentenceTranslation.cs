using System.Globalization;
using Coordination.Domain.Common;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Setup;

/// <summary>Puts a rule's sentence into the reader's language: the template is the key, the values go back in.</summary>
public static class SentenceTranslation
{
    public static string Translate(this IStringLocalizer localizer, ISentence sentence)
    {
        // Words the domain passes in ("The title", "already accepted") have translations; people's values do not.
        var arguments = sentence.Arguments
            .Select(argument => argument is string word && localizer[word] is { ResourceNotFound: false } known ? known.Value : argument)
            .ToArray();
        var text = localizer[sentence.Template, arguments].Value;
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
    }

    /// <summary>
    /// A validator's message arrives formatted. Messages written with <c>{PropertyValue}</c> are found by putting the
    /// placeholder back where the person's value is, and the value goes into the translation.
    /// </summary>
    public static string Translate(this IStringLocalizer localizer, ValidationFailure failure)
    {
        var direct = localizer[failure.ErrorMessage];
        if (!direct.ResourceNotFound)
            return direct.Value;
        if (failure.FormattedMessagePlaceholderValues?.GetValueOrDefault("PropertyValue") is { } value
            && value.ToString() is { Length: > 0 } shown
            && failure.ErrorMessage.Contains(shown, StringComparison.Ordinal))
        {
            var template = localizer[failure.ErrorMessage.Replace(shown, "{PropertyValue}", StringComparison.Ordinal)];
            if (!template.ResourceNotFound)
                return template.Value.Replace("{PropertyValue}", shown, StringComparison.Ordinal);
        }

        return direct.Value;
    }
}
