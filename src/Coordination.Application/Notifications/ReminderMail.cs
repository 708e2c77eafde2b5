namespace Coordination.Application.Notifications;

/// <summary>The reminder to report in a review cycle, in English and Spanish, with a link per action point not yet reported.</summary>
public static class ReminderMail
{
    public static MailContent Write(
        string language, string cycleName, string forumTitle, DateOnly deadline, int daysLeft, IReadOnlyList<MailItem> missing)
    {
        var spanish = MailFormat.IsSpanish(language);
        var day = MailFormat.Day(deadline, language);
        var subject = (spanish, daysLeft) switch
        {
            (false, 0) => $"Reminder: today is the last day to report for {cycleName}",
            (true, 0) => $"Recordatorio: hoy es el último día para informar en {cycleName}",
            (false, 1) => $"Reminder: 1 day left to report for {cycleName}",
            (true, 1) => $"Recordatorio: queda 1 día para informar en {cycleName}",
            (false, _) => $"Reminder: {daysLeft} days left to report for {cycleName}",
            (true, _) => $"Recordatorio: quedan {daysLeft} días para informar en {cycleName}",
        };

        return new MailLayout()
            .Paragraph(spanish
                ? $"Su organización aún no ha informado sobre estos puntos de acción en la revisión «{cycleName}» de {forumTitle}. El plazo vence el {day}."
                : $"Your organization has not yet reported on these action points in the review \"{cycleName}\" of {forumTitle}. The deadline is {day}.")
            .Paragraph(spanish
                ? "Cada enlace abre el formulario de avance del punto de acción:"
                : "Each link opens the action point's update form:")
            .Items(missing)
            .Paragraph(spanish
                ? "Recibirá este recordatorio mientras falte su informe. Si ya lo envió, ignore este mensaje."
                : "You get this reminder while your report is missing. If you have just sent it, ignore this message.")
            .Build(subject);
    }
}
