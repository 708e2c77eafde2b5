using System.Globalization;
using Coordination.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Setup;

/// <summary>Puts a rule's sentence into the reader's language: the template is the key, the values go back in.</summary>
public static class SentenceTranslation
{
    public static string Translate(this IStringLocalizer localizer, ISentence sentence)
    {
        // Words the domain passes in ("The title", "action point", "accepted") have translations; people's values do not.
        var arguments = sentence.Arguments
            .Select(argument => argument is string word && localizer[word] is { ResourceNotFound: false } known ? known.Value : argument)
            .ToArray();
        var text = localizer[sentence.Template, arguments].Value;
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
    }
}
