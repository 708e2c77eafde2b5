using Coordination.Application.Notifications;

namespace Coordination.Application.Imports.Runs;

/// <summary>The mail to the person who started a background import, once it finished, in English or Spanish.</summary>
public static class ImportDoneMail
{
    /// <summary>The outbox kind (<c>OutboxMessage.Kind</c>) of these mails.</summary>
    public const string Kind = "ImportDone";

    /// <summary>One mail per run, whatever retries or takeovers happen.</summary>
    public static string Key(Guid runId) => $"import-done:{runId}";

    /// <summary><paramref name="report"/> is null when the run failed before the importer could report.</summary>
    public static MailContent Write(string language, string fileName, string forumTitle, ImportReport? report, string? failure, string link)
    {
        var spanish = MailFormat.IsSpanish(language);
        var succeeded = report is { HasErrors: false, Written: true };
        var subject = (succeeded, spanish) switch
        {
            (true, true) => $"Importación terminada: {fileName}",
            (true, false) => $"Import finished: {fileName}",
            (false, true) => $"Importación no realizada: {fileName}",
            (false, false) => $"Import not done: {fileName}",
        };

        var mail = new MailLayout();
        if (succeeded)
        {
            mail.Paragraph(spanish
                ? $"Se importó el archivo «{fileName}» en el foro «{forumTitle}»: {report!.Rows} filas."
                : $"The file \"{fileName}\" was imported into the forum \"{forumTitle}\": {report!.Rows} rows.");
            mail.Paragraph(spanish
                ? $"Conclusiones: {report.ConclusionsCreated} creadas, {report.ConclusionsUpdated} modificadas. "
                  + $"Puntos de acción: {report.ActionPointsCreated} creados, {report.ActionPointsUpdated} modificados. "
                  + $"Asignaciones: {report.AssignmentsCreated} creadas, {report.AssignmentsUpdated} modificadas. Sin cambios: {report.Unchanged}."
                : $"Conclusions: {report.ConclusionsCreated} created, {report.ConclusionsUpdated} updated. "
                  + $"Action points: {report.ActionPointsCreated} created, {report.ActionPointsUpdated} updated. "
                  + $"Assignments: {report.AssignmentsCreated} created, {report.AssignmentsUpdated} updated. Unchanged: {report.Unchanged}.");
        }
        else if (report is { HasErrors: true })
        {
            mail.Paragraph(spanish
                ? $"El archivo «{fileName}» no se importó en el foro «{forumTitle}»: tiene {report.Errors.Count} errores, por lo que no se guardó ninguna fila. Corríjalos y vuelva a cargar el archivo."
                : $"The file \"{fileName}\" was not imported into the forum \"{forumTitle}\": it has {report.Errors.Count} errors, so no row was saved. Correct them and upload the file again.");
        }
        else
        {
            mail.Paragraph(spanish
                ? $"El archivo «{fileName}» no se importó en el foro «{forumTitle}» y no se guardó ninguna fila."
                : $"The file \"{fileName}\" was not imported into the forum \"{forumTitle}\" and no row was saved.");
            if (!string.IsNullOrWhiteSpace(failure))
                mail.Quote(failure);
        }

        return mail
            .Link(spanish ? "El informe de la importación:" : "The import's report:", link)
            .Build(subject);
    }
}
