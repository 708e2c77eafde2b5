using System.Globalization;
using System.Net;
using Coordination.Application.Common.Security;

namespace Coordination.Application.People;

/// <summary>The invitation mail in English and Spanish. Dates are written in the mail's own culture, not the thread's.</summary>
public static class InvitationMail
{
    public sealed record Content(string Subject, string HtmlBody, string TextBody);

    public static Content Write(string language, string organizationName, string role, string link, DateTime expiresAt)
    {
        var spanish = language == Languages.Spanish;
        var culture = CultureInfo.GetCultureInfo(spanish ? "es" : "en-GB");
        var expires = expiresAt.ToString("d MMMM yyyy, HH:mm 'UTC'", culture);
        var roleName = RoleName(role, spanish);

        var subject = spanish
            ? $"Invitación a Coordination: {organizationName}"
            : $"Your invitation to Coordination: {organizationName}";
        string[] paragraphs = spanish
            ?
            [
                $"Se le invita a unirse a {organizationName} en Coordination como {roleName}.",
                "Para crear su cuenta y elegir su contraseña, abra este enlace:",
                $"El enlace sirve una sola vez y vence el {expires}. Si no esperaba esta invitación, ignore este mensaje.",
            ]
            :
            [
                $"You are invited to join {organizationName} in Coordination as {roleName}.",
                "To create your account and choose your password, open this link:",
                $"The link works once and expires on {expires}. If you did not expect this invitation, ignore this message.",
            ];

        var text = $"{paragraphs[0]}\n\n{paragraphs[1]}\n{link}\n\n{paragraphs[2]}\n";
        var html =
            $"<p>{Encode(paragraphs[0])}</p>\n" +
            $"<p>{Encode(paragraphs[1])}<br><a href=\"{Encode(link)}\">{Encode(link)}</a></p>\n" +
            $"<p>{Encode(paragraphs[2])}</p>\n";
        return new Content(subject, html, text);
    }

    private static string RoleName(string role, bool spanish) => (role, spanish) switch
    {
        (Roles.Secretariat, false) => "a member of the secretariat",
        (Roles.Secretariat, true) => "miembro de la secretaría",
        (Roles.FocalPoint, false) => "a focal point",
        (Roles.FocalPoint, true) => "punto focal",
        (_, false) => "a viewer of dashboards and reports",
        (_, true) => "lector de tableros e informes",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
