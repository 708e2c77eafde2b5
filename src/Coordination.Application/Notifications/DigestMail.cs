namespace Coordination.Application.Notifications;

/// <summary>One part of the digest: how many, and the first few with their links.</summary>
public sealed record DigestSection(int Count, IReadOnlyList<MailItem> Items);

/// <summary>What the secretariat should chase this week.</summary>
public sealed record DigestFigures(
    DigestSection Missing, DigestSection Late, DigestSection Returned, DigestSection AwaitingValidation, DigestSection Overdue)
{
    public bool IsEmpty => Missing.Count + Late.Count + Returned.Count + AwaitingValidation.Count + Overdue.Count == 0;
}

/// <summary>The secretariat's weekly digest, in English and Spanish: counts, and short lists with links.</summary>
public static class DigestMail
{
    public static MailContent Write(string language, int isoYear, int isoWeek, DigestFigures figures, string validationLink)
    {
        var spanish = MailFormat.IsSpanish(language);
        var subject = spanish
            ? $"Resumen semanal, semana {isoWeek} de {isoYear}: informes pendientes {figures.Missing.Count}, atrasados {figures.Late.Count}, "
                + $"devueltos {figures.Returned.Count}, por validar {figures.AwaitingValidation.Count}"
            : $"Weekly digest, week {isoWeek} of {isoYear}: reports missing {figures.Missing.Count}, late {figures.Late.Count}, "
                + $"returned {figures.Returned.Count}, awaiting validation {figures.AwaitingValidation.Count}";

        var mail = new MailLayout().Paragraph(spanish
            ? "Esto es lo que requiere seguimiento de la secretaría esta semana."
            : "This is what needs the secretariat's follow-up this week.");
        Section(mail, figures.Missing, language, spanish
            ? "Informes pendientes en revisiones abiertas"
            : "Reports missing in open review cycles");
        Section(mail, figures.Late, language, spanish
            ? "Informes atrasados (venció el plazo de la revisión)"
            : "Late reports (the review's deadline has passed)");
        Section(mail, figures.Returned, language, spanish
            ? "Informes devueltos aún sin revisar"
            : "Updates returned and not yet revised");
        Section(mail, figures.AwaitingValidation, language, spanish
            ? "Informes por validar"
            : "Updates awaiting validation");
        if (figures.AwaitingValidation.Count > 0)
            mail.Link(spanish ? "La cola de validación:" : "The validation queue:", validationLink);
        Section(mail, figures.Overdue, language, spanish
            ? "Puntos de acción vencidos"
            : "Overdue action points");
        return mail
            .Paragraph(spanish
                ? "Recibe este resumen cada lunes como miembro de la secretaría; puede desactivarlo en las preferencias de su cuenta."
                : "You receive this digest every Monday as a member of the secretariat; you can switch it off in your account's preferences.")
            .Build(subject);
    }

    private static void Section(MailLayout mail, DigestSection section, string language, string title)
    {
        var spanish = MailFormat.IsSpanish(language);
        mail.Heading($"{title}: {section.Count}");
        if (section.Count == 0)
        {
            mail.Paragraph(spanish ? "Ninguno." : "None.");
            return;
        }

        mail.Items(section.Items);
        if (section.Count > section.Items.Count)
            mail.Paragraph(spanish ? $"… y {section.Count - section.Items.Count} más." : $"… and {section.Count - section.Items.Count} more.");
    }
}
