using Coordination.Application.Common.Abstractions;
using Coordination.Domain.ActionPoints;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Assignments;

/// <summary>
/// Keeps <see cref="AssignmentCurrentStatus"/> equal to the write model, inside the same unit of work. Every
/// assignment event rebuilds that assignment's row from the tracked entities, so it sees the change being saved.
/// Its look-ups are by key (Find): entities the unit of work tracks are found in memory without a query, so a batch
/// writer keeps the action points and organizations it assigns tracked (see ActionPointImporter).
/// </summary>
public sealed class AssignmentStatusProjector(ICoordinationDbContext db)
    : IDomainEventHandler<IAssignmentEvent>, IDomainEventHandler<ActionPointReplanned>
{
    public async Task HandleAsync(IAssignmentEvent domainEvent, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.FindAsync([domainEvent.AssignmentId], cancellationToken)
            ?? throw new InvalidOperationException($"Assignment {domainEvent.AssignmentId} raised an event but is not tracked.");
        await RefreshAsync(assignment, domainEvent, cancellationToken);
    }

    public async Task HandleAsync(ActionPointReplanned domainEvent, CancellationToken cancellationToken)
    {
        var assignments = await db.Assignments.Where(a => a.ActionPointId == domainEvent.ActionPointId).ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
            await RefreshAsync(assignment, null, cancellationToken);
    }

    private async Task RefreshAsync(Assignment assignment, IAssignmentEvent? cause, CancellationToken cancellationToken)
    {
        var actionPoint = await db.ActionPoints.FindAsync([assignment.ActionPointId], cancellationToken)
            ?? throw new InvalidOperationException($"Action point {assignment.ActionPointId} is missing.");
        var organization = await db.Organizations.FindAsync([assignment.OrganizationId], cancellationToken)
            ?? throw new InvalidOperationException($"Organization {assignment.OrganizationId} is missing.");
        var pending = assignment.PendingUpdateId is { } pendingId
            ? await db.ProgressUpdates.FindAsync([pendingId], cancellationToken)
            : null;

        // A new assignment has no row yet (rows are made only here), so no look-up: for an assignment not tracked
        // since its creation Find would query the database, once per assignment of an import.
        var row = cause is AssignmentCreated ? null : await db.AssignmentStatuses.FindAsync([assignment.Id], cancellationToken);
        if (row is null)
        {
            row = new AssignmentCurrentStatus { AssignmentId = assignment.Id };
            db.AssignmentStatuses.Add(row);
        }

        row.ActionPointId = actionPoint.Id;
        row.ForumId = actionPoint.ForumId;
        row.ConclusionId = actionPoint.ConclusionId;
        row.OrganizationId = organization.Id;
        row.OrganizationKind = organization.Kind;
        row.CountryCode = organization.CountryCode;
        row.Role = assignment.Role;
        row.Status = assignment.Status;
        row.PercentComplete = assignment.PercentComplete;
        row.DueDate = assignment.DueDate;
        row.StartDay = actionPoint.StartDate.DayNumber;
        row.DueDay = assignment.DueDate.DayNumber;
        row.LastUpdateAt = assignment.LastUpdateAt;
        row.PendingUpdateId = pending?.Id;
        row.PendingStatus = pending?.Status;
        row.PendingPercent = pending?.PercentComplete;
        row.ReturnedUpdateId = cause switch
        {
            ProgressReturned returned => returned.ProgressUpdateId,
            ProgressReported => null,
            _ => row.ReturnedUpdateId,
        };
    }
}
