using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.People;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Notifications;

/// <summary>
/// The mails caused by changes, written by domain event handlers inside the change's own transaction: the mail exists
/// if and only if the change does. An assignment is announced to its organization's focal points; a returned or
/// accepted update to the person who submitted it, unless they reviewed it themselves (the secretariat reporting on an
/// organization's behalf needs no mail about its own decision). The endpoints nudge the dispatcher after the commit.
/// </summary>
public sealed class ChangeMailsHandler(ICoordinationDbContext db, MailOutbox outbox, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock)
    : IDomainEventHandler<AssignmentCreated>, IDomainEventHandler<ProgressReturned>, IDomainEventHandler<ProgressAccepted>
{
    public static string AssignedKey(Guid assignmentId, Guid userId) => $"assigned:{assignmentId}:{userId}";

    public static string ReturnedKey(Guid updateId, Guid userId) => $"returned:{updateId}:{userId}";

    public static string AcceptedKey(Guid updateId, Guid userId) => $"accepted:{updateId}:{userId}";

    public async Task HandleAsync(AssignmentCreated domainEvent, CancellationToken cancellationToken)
    {
        // An import announces its assignments in one mail per organization (ImportedAssignmentsMail), not one each.
        if (ImportedAssignmentsMail.IsBundling)
            return;
        var recipients = await accounts.ListMailRecipientsAsync(Roles.FocalPoint, [domainEvent.OrganizationId], cancellationToken);
        if (recipients.Count == 0)
            return;

        var assignment = await FindAsync(db.Assignments, domainEvent.AssignmentId, cancellationToken);
        var actionPoint = await FindAsync(db.ActionPoints, assignment.ActionPointId, cancellationToken);
        var forum = await FindAsync<Forum>(db.Forums, actionPoint.ForumId, cancellationToken);
        var organization = await FindAsync<Organization>(db.Organizations, assignment.OrganizationId, cancellationToken);
        var existing = await outbox.ExistingKeysAsync(recipients.Select(r => AssignedKey(assignment.Id, r.Id)), cancellationToken);
        var now = clock.UtcNow();
        foreach (var recipient in recipients.Where(r => !existing.Contains(AssignedKey(assignment.Id, r.Id))))
        {
            var mail = AssignedMail.Write(
                recipient.Language, organization.Name, actionPoint.Code, actionPoint.Title, forum.Title,
                MailFormat.Role(assignment.Role, recipient.Language), assignment.DueDate, baseUrl.Report(assignment.Id));
            outbox.Add(MailKinds.Assigned, AssignedKey(assignment.Id, recipient.Id), recipient, mail, now);
        }
    }

    public async Task HandleAsync(ProgressReturned domainEvent, CancellationToken cancellationToken)
    {
        if (await SubmitterToTellAsync(domainEvent.ProgressUpdateId, cancellationToken) is not { } tell)
            return;
        var (update, submitter) = tell;
        var actionPoint = await ActionPointOfAsync(update.AssignmentId, cancellationToken);
        var mail = ReturnedMail.Write(
            submitter.Language, actionPoint.Code, actionPoint.Title, update.ReviewedByName ?? "", domainEvent.Comment,
            baseUrl.Revise(update.AssignmentId, update.Id));
        await outbox.AddOnceAsync(MailKinds.Returned, ReturnedKey(update.Id, submitter.Id), submitter, mail, clock.UtcNow(), cancellationToken);
    }

    public async Task HandleAsync(ProgressAccepted domainEvent, CancellationToken cancellationToken)
    {
        if (await SubmitterToTellAsync(domainEvent.ProgressUpdateId, cancellationToken) is not { } tell)
            return;
        var (update, submitter) = tell;
        var actionPoint = await ActionPointOfAsync(update.AssignmentId, cancellationToken);
        var mail = AcceptedMail.Write(
            submitter.Language, actionPoint.Code, actionPoint.Title, update.Status, update.PercentComplete, baseUrl.Report(update.AssignmentId));
        await outbox.AddOnceAsync(MailKinds.Accepted, AcceptedKey(update.Id, submitter.Id), submitter, mail, clock.UtcNow(), cancellationToken);
    }

    /// <summary>The update and its submitter, when the submitter is an active person other than its reviewer.</summary>
    private async Task<(ProgressUpdate Update, MailRecipient Submitter)?> SubmitterToTellAsync(Guid updateId, CancellationToken cancellationToken)
    {
        var update = await FindAsync(db.ProgressUpdates, updateId, cancellationToken);
        if (update.ReviewedById == update.SubmittedById)
            return null;
        var submitter = await accounts.FindMailRecipientAsync(update.SubmittedById, cancellationToken);
        return submitter is { IsActive: true } ? (update, submitter) : null;
    }

    private async Task<ActionPoint> ActionPointOfAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await FindAsync(db.Assignments, assignmentId, cancellationToken);
        return await FindAsync(db.ActionPoints, assignment.ActionPointId, cancellationToken);
    }

    /// <summary>The entities the event is about are tracked by the change being saved, so these are look-ups in memory.</summary>
    private static async Task<T> FindAsync<T>(DbSet<T> set, Guid id, CancellationToken cancellationToken)
        where T : class =>
        await set.FindAsync([id], cancellationToken)
            ?? throw new InvalidOperationException($"{typeof(T).Name} {id} raised or concerns an event but cannot be found.");
}
