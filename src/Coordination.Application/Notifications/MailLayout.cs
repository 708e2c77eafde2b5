using System.Globalization;
using System.Net;
using System.Text;
using Coordination.Application.People;
using Coordination.Domain.ActionPoints;

namespace Coordination.Application.Notifications;

public sealed record MailContent(string Subject, string HtmlBody, string TextBody);

/// <summary>One line of a list in a mail: what it is, and the page it links to.</summary>
public sealed record MailItem(string Label, string Url);

/// <summary>
/// Writes a mail's plain-text and HTML bodies together, block by block, so the two always say the same thing. Every
/// piece of text is encoded here: titles and comments typed by people never become markup.
/// </summary>
internal sealed class MailLayout
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailLayout Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A sentence with its link on the next line, as the invitation writes it.</summary>
    public MailLayout Link(string lead, string url)
    {
        _text.Append(lead).Append('\n').Append(url).Append("\n\n");
        _html.Append("<p>").Append(Encode(lead)).Append("<br><a href=\"").Append(Encode(url)).Append("\">")
            .Append(Encode(url)).Append("</a></p>\n");
        return this;
    }

    /// <summary>Someone's own words (a reviewer's comment), set apart from the mail's.</summary>
    public MailLayout Quote(string text)
    {
        foreach (var line in text.Split('\n'))
            _text.Append("> ").Append(line.TrimEnd('\r')).Append('\n');
        _text.Append('\n');
        _html.Append("<blockquote style=\"border-left:3px solid #ccc;margin:0 0 1em;padding-left:1em\">")
            .Append(Encode(text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</blockquote>\n");
        return this;
    }

    public MailLayout Heading(string text)
    {
        _text.Append(text).Append('\n').Append(new string('-', text.Length)).Append('\n');
        _html.Append("<h3>").Append(Encode(text)).Append("</h3>\n");
        return this;
    }

    public MailLayout Items(IEnumerable<MailItem> items)
    {
        _html.Append("<ul>\n");
        foreach (var item in items)
        {
            _text.Append("- ").Append(item.Label).Append('\n').Append("  ").Append(item.Url).Append('\n');
            _html.Append("<li><a href=\"").Append(Encode(item.Url)).Append("\">").Append(Encode(item.Label)).Append("</a></li>\n");
        }

        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    public MailContent Build(string subject) => new(OneLine(subject, 200), _html.ToString(), _text.ToString().TrimEnd() + "\n");

    /// <summary>Text fit for a subject: one line, cut with an ellipsis when too long.</summary>
    public static string OneLine(string text, int maxLength)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= maxLength ? line : line[..(maxLength - 1)].TrimEnd() + "…";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>How mails write days, statuses and roles in each language; never the thread's culture (jobs have none).</summary>
internal static class MailFormat
{
    public static bool IsSpanish(string language) => language == Languages.Spanish;

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(IsSpanish(language) ? "es" : "en-GB");

    public static string Day(DateOnly day, string language) =>
        day.ToString(IsSpanish(language) ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", Culture(language));

    public static string ActionPoint(string code, string title) => $"{code} — {title}";

    public static string Status(AssignmentStatus status, string language) => (status, IsSpanish(language)) switch
    {
        (AssignmentStatus.NotStarted, false) => "not started",
        (AssignmentStatus.NotStarted, true) => "no iniciado",
        (AssignmentStatus.InProgress, false) => "in progress",
        (AssignmentStatus.InProgress, true) => "en curso",
        (AssignmentStatus.Completed, false) => "completed",
        (AssignmentStatus.Completed, true) => "completado",
        (AssignmentStatus.OnHold, false) => "on hold",
        (AssignmentStatus.OnHold, true) => "en pausa",
        (_, false) => "cancelled",
        (_, true) => "cancelado",
    };

    public static string Role(AssignmentRole role, string language) => (role, IsSpanish(language)) switch
    {
        (AssignmentRole.Lead, false) => "lead",
        (AssignmentRole.Lead, true) => "responsable principal",
        (_, false) => "supporting",
        (_, true) => "apoyo",
    };
}
