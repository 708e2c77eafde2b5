using Coordination.Domain.ActionPoints;

namespace Coordination.Application.Notifications;

/// <summary>The mail to the submitter of an update the secretariat accepted, in English and Spanish.</summary>
public static class AcceptedMail
{
    public static MailContent Write(string language, string code, string title, AssignmentStatus status, int percent, string link)
    {
        var spanish = MailFormat.IsSpanish(language);
        var actionPoint = MailFormat.ActionPoint(code, title);
        var state = MailFormat.Status(status, language);
        var subject = spanish ? $"Su informe fue aceptado: {actionPoint}" : $"Your update was accepted: {actionPoint}";

        return new MailLayout()
            .Paragraph(spanish
                ? $"La secretaría aceptó su informe de avance sobre {actionPoint}: el estado oficial es ahora «{state}», {percent} % completado."
                : $"The secretariat accepted your update on {actionPoint}: its official status is now \"{state}\", {percent} % complete.")
            .Link(spanish ? "El punto de acción y su formulario de avance:" : "The action point and its update form:", link)
            .Build(subject);
    }
}
