using System.Globalization;
using System.Net;
using Coordination.Application.Notifications;
using Coordination.Application.People;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// The mail that tells a focal point a review cycle is open, in English or Spanish: which of their organization's
/// assignments to report on (each with its link to the update form) and by when. Dates are written in the mail's own
/// culture, not the thread's.
/// </summary>
public static class CycleOpenedMail
{
    public sealed record Item(string Code, string Title, string Link);

    public static MailContent Write(
        string language, string forumTitle, string cycleName, string organizationName, DateOnly deadline, string timeZone,
        DateOnly? meetingDate, IReadOnlyList<Item> items)
    {
        var spanish = language == Languages.Spanish;
        var culture = CultureInfo.GetCultureInfo(spanish ? "es" : "en-GB");
        var due = deadline.ToString(spanish ? "dddd d 'de' MMMM 'de' yyyy" : "dddd d MMMM yyyy", culture);

        var subject = spanish
            ? $"Revisión abierta: {cycleName}, informe antes del {deadline.ToString("d 'de' MMMM", culture)}"
            : $"Review open: {cycleName}, report by {deadline.ToString("d MMMM", culture)}";
        var opening = spanish
            ? $"La revisión periódica «{cycleName}» del foro «{forumTitle}» está abierta."
            : $"The periodic review \"{cycleName}\" of the forum \"{forumTitle}\" is open.";
        var ask = spanish
            ? $"Por favor, informe sobre el avance de cada acción asignada a {organizationName}:"
            : $"Please report progress on each action assigned to {organizationName}:";
        var deadlineLine = spanish
            ? $"Plazo: hasta el final del {due} (hora de {timeZone})."
            : $"Deadline: by the end of {due} ({timeZone} time).";
        var meetingLine = meetingDate is { } meeting
            ? spanish
                ? $"La reunión de revisión será el {meeting.ToString("dddd d 'de' MMMM 'de' yyyy", culture)}."
                : $"The review meeting will take place on {meeting.ToString("dddd d MMMM yyyy", culture)}."
            : null;
        var closing = spanish
            ? "Cada enlace abre el formulario de informe de esa acción. Gracias."
            : "Each link opens the update form of that action. Thank you.";

        var text = new System.Text.StringBuilder();
        text.Append(opening).Append("\n\n").Append(ask).Append('\n');
        foreach (var item in items)
            text.Append("- ").Append(item.Code).Append(": ").Append(item.Title).Append('\n').Append("  ").Append(item.Link).Append('\n');
        text.Append('\n').Append(deadlineLine).Append('\n');
        if (meetingLine is not null)
            text.Append(meetingLine).Append('\n');
        text.Append('\n').Append(closing).Append('\n');

        var html = new System.Text.StringBuilder();
        html.Append("<p>").Append(Encode(opening)).Append("</p>\n");
        html.Append("<p>").Append(Encode(ask)).Append("</p>\n<ul>\n");
        foreach (var item in items)
        {
            html.Append("<li><a href=\"").Append(Encode(item.Link)).Append("\">").Append(Encode(item.Code)).Append("</a>: ")
                .Append(Encode(item.Title)).Append("</li>\n");
        }

        html.Append("</ul>\n<p><strong>").Append(Encode(deadlineLine)).Append("</strong></p>\n");
        if (meetingLine is not null)
            html.Append("<p>").Append(Encode(meetingLine)).Append("</p>\n");
        html.Append("<p>").Append(Encode(closing)).Append("</p>\n");
        return new MailContent(subject, html.ToString(), text.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
