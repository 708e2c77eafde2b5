using System.Net;

namespace Coordination.Application.People;

/// <summary>The mail with the link to choose a new password, in English or Spanish.</summary>
public static class PasswordResetMail
{
    public sealed record Content(string Subject, string HtmlBody, string TextBody);

    public static Content Write(string language, string displayName, string link)
    {
        var spanish = language == Languages.Spanish;
        var subject = spanish ? "Restablecer su contraseña de Coordination" : "Reset your Coordination password";
        string[] paragraphs = spanish
            ?
            [
                $"Estimado/a {displayName}:",
                "Recibimos una solicitud para restablecer la contraseña de su cuenta en Coordination. Para elegir una nueva contraseña, abra este enlace:",
                "El enlace sirve una sola vez y durante 24 horas. Si usted no lo solicitó, ignore este mensaje: su contraseña no cambia.",
            ]
            :
            [
                $"Dear {displayName},",
                "We received a request to reset the password of your Coordination account. To choose a new password, open this link:",
                "The link works once, for 24 hours. If you did not ask for it, ignore this message: your password does not change.",
            ];

        var text = $"{paragraphs[0]}\n\n{paragraphs[1]}\n{link}\n\n{paragraphs[2]}\n";
        var html =
            $"<p>{Encode(paragraphs[0])}</p>\n" +
            $"<p>{Encode(paragraphs[1])}<br><a href=\"{Encode(link)}\">{Encode(link)}</a></p>\n" +
            $"<p>{Encode(paragraphs[2])}</p>\n";
        return new Content(subject, html, text);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
