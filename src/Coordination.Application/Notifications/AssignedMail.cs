namespace Coordination.Application.Notifications;

/// <summary>The mail to an organization's focal points when an action point is assigned to it, in English and Spanish.</summary>
public static class AssignedMail
{
    public static MailContent Write(
        string language, string organizationName, string code, string title, string forumTitle, string role, DateOnly dueDate, string link)
    {
        var spanish = MailFormat.IsSpanish(language);
        var actionPoint = MailFormat.ActionPoint(code, title);
        var due = MailFormat.Day(dueDate, language);
        var subject = spanish
            ? $"Se asignó un punto de acción a su organización: {actionPoint}"
            : $"An action point was assigned to your organization: {actionPoint}";

        return new MailLayout()
            .Paragraph(spanish
                ? $"La secretaría asignó el punto de acción {actionPoint} de {forumTitle} a {organizationName}, como {role}, con fecha límite el {due}."
                : $"The secretariat assigned the action point {actionPoint} of {forumTitle} to {organizationName}, as {role}, due on {due}.")
            .Link(
                spanish
                    ? "Informe su avance en el formulario de avance, en cada revisión y cuando haya novedades:"
                    : "Report its progress in the update form, at each review and whenever there is news:",
                link)
            .Build(subject);
    }
}
