namespace Coordination.Application.Notifications;

/// <summary>The mail to the submitter of an update the secretariat returned, with its comment and the link to revise it.</summary>
public static class ReturnedMail
{
    public static MailContent Write(string language, string code, string title, string reviewerName, string comment, string reviseLink)
    {
        var spanish = MailFormat.IsSpanish(language);
        var actionPoint = MailFormat.ActionPoint(code, title);
        var subject = spanish ? $"Su informe fue devuelto: {comment}" : $"Your update was returned: {comment}";

        return new MailLayout()
            .Paragraph(spanish
                ? $"{reviewerName}, de la secretaría, devolvió su informe de avance sobre {actionPoint} con este comentario:"
                : $"{reviewerName}, of the secretariat, returned your update on {actionPoint} with this comment:")
            .Quote(comment)
            .Link(
                spanish
                    ? "Revise el informe y envíelo de nuevo en el formulario de avance:"
                    : "Revise the update and send it again in the update form:",
                reviseLink)
            .Build(subject);
    }
}
