using Coordination.Application.Common;
using Coordination.Application.Common.Security;
using Coordination.Application.People;

namespace Coordination.Application.Notifications;

/// <summary>The new assignments one import gave one organization: how many, and the first of them (which names the mail).</summary>
public sealed record ImportedAssignments(Guid OrganizationId, string OrganizationName, Guid FirstAssignmentId, int Count);

/// <summary>
/// The mail to an organization's focal points when a plan import assigned it action points: one per import and person,
/// with the count, in place of one <see cref="AssignedMail"/> per assignment (an imported plan gives an organization
/// hundreds of them, which would bury the focal points' inbox).
/// </summary>
public static class ImportedAssignmentsMail
{
    /// <summary>
    /// Set while an import saves its new assignments. Ambient (it flows down the awaited SaveChanges into the domain event
    /// handlers, and only there) rather than a scoped service: it ends with the import's own block, so a later change in
    /// the same request or job is announced as usual, and the domain keeps raising the one <c>AssignmentCreated</c>.
    /// </summary>
    private static readonly AsyncLocal<bool> Bundling = new();

    /// <summary>True while an import announces its assignments itself: the per-assignment mail is then not written.</summary>
    public static bool IsBundling => Bundling.Value;

    /// <summary>The first new assignment of the organization names the cause: a second import of the same file makes none.</summary>
    public static string Key(Guid firstAssignmentId, Guid userId) => $"imported:{firstAssignmentId}:{userId}";

    /// <summary>Announces the assignments made until disposal in one mail per organization instead (see <see cref="WriteAsync"/>).</summary>
    public static IDisposable Bundle()
    {
        Bundling.Value = true;
        return new EndBundle();
    }

    /// <summary>Adds one mail per active focal point of each organization to the outbox, unless written before.</summary>
    public static async Task WriteAsync(
        MailOutbox outbox, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock, string forumTitle,
        IReadOnlyCollection<ImportedAssignments> imported, CancellationToken cancellationToken)
    {
        if (imported.Count == 0)
            return;
        var byOrganization = imported.ToDictionary(i => i.OrganizationId);
        var recipients = await accounts.ListMailRecipientsAsync(Roles.FocalPoint, byOrganization.Keys, cancellationToken);
        var keyed = recipients.Select(r => (Recipient: r, Key: Key(byOrganization[r.OrganizationId].FirstAssignmentId, r.Id))).ToList();
        var existing = await outbox.ExistingKeysAsync(keyed.Select(k => k.Key), cancellationToken);
        var now = clock.UtcNow();
        foreach (var (recipient, key) in keyed.Where(k => !existing.Contains(k.Key)))
        {
            var organization = byOrganization[recipient.OrganizationId];
            var mail = Write(recipient.Language, organization.OrganizationName, organization.Count, forumTitle, baseUrl.Home());
            outbox.Add(MailKinds.AssignedByImport, key, recipient, mail, now);
        }
    }

    public static MailContent Write(string language, string organizationName, int count, string forumTitle, string link)
    {
        var spanish = MailFormat.IsSpanish(language);
        var one = count == 1;
        var subject = (spanish, one) switch
        {
            (true, true) => $"Se asignó 1 punto de acción de {forumTitle} a su organización",
            (true, false) => $"Se asignaron {count} puntos de acción de {forumTitle} a su organización",
            (false, true) => $"1 action point of {forumTitle} was assigned to your organization",
            (false, false) => $"{count} action points of {forumTitle} were assigned to your organization",
        };
        var received = (spanish, one) switch
        {
            (true, true) => "1 asignación nueva",
            (true, false) => $"{count} asignaciones nuevas",
            (false, true) => "1 new assignment",
            (false, false) => $"{count} new assignments",
        };

        return new MailLayout()
            .Paragraph(spanish
                ? $"La secretaría importó el plan de acción de {forumTitle}: {organizationName} recibió {received}."
                : $"The secretariat imported the action plan of {forumTitle}: {organizationName} received {received}.")
            .Link(
                spanish
                    ? "Las encontrará en su página de inicio, con sus fechas límite; informe su avance en cada una:"
                    : "You will find them on your home page, with their due dates; report progress on each of them:",
                link)
            .Build(subject);
    }

    private sealed class EndBundle : IDisposable
    {
        public void Dispose() => Bundling.Value = false;
    }
}
