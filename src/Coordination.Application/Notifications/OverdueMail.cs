namespace Coordination.Application.Notifications;

/// <summary>The notice that an assignment is past its due date, in English and Spanish, with the link to report on it.</summary>
public static class OverdueMail
{
    public static MailContent Write(
        string language, string organizationName, string code, string title, string forumTitle, DateOnly dueDate, string link)
    {
        var spanish = MailFormat.IsSpanish(language);
        var actionPoint = MailFormat.ActionPoint(code, title);
        var due = MailFormat.Day(dueDate, language);
        var subject = spanish ? $"Punto de acción vencido: {actionPoint}" : $"Action point overdue: {actionPoint}";

        return new MailLayout()
            .Paragraph(spanish
                ? $"El punto de acción {actionPoint} de {forumTitle}, asignado a {organizationName}, debía completarse el {due} y aún no está completado."
                : $"The action point {actionPoint} of {forumTitle}, assigned to {organizationName}, was due on {due} and is not completed.")
            .Link(
                spanish
                    ? "Informe su avance, o explique el retraso y el apoyo que necesita, en el formulario de avance:"
                    : "Report its progress, or explain the delay and the support you need, in the update form:",
                link)
            .Build(subject);
    }
}
