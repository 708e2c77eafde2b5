using Coordination.Domain.Common;

namespace Coordination.Domain.ActionPoints;

/// <summary>
/// An action point assigned to one organization, as lead or supporting. It holds the official status and percent,
/// and decides what may be reported and reviewed on it.
/// </summary>
public sealed class Assignment : VersionedEntity
{
    private Assignment(Guid id, Guid actionPointId, Guid organizationId)
        : base(id)
    {
        ActionPointId = actionPointId;
        OrganizationId = organizationId;
    }

    public Guid ActionPointId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public AssignmentRole Role { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>The official status: the last accepted one where the forum requires validation.</summary>
    public AssignmentStatus Status { get; private set; }

    public int PercentComplete { get; private set; }

    /// <summary>The update awaiting validation, if any; at most one at a time.</summary>
    public Guid? PendingUpdateId { get; private set; }

    public DateTime? LastUpdateAt { get; private set; }

    public bool IsCancelled => Status == AssignmentStatus.Cancelled;

    public static Assignment Create(ActionPoint actionPoint, Guid organizationId, AssignmentRole role, DateOnly? dueDate)
    {
        var assignment = new Assignment(Guid.CreateVersion7(), actionPoint.Id, organizationId)
        {
            Status = AssignmentStatus.NotStarted,
        };
        assignment.SetTerms(actionPoint, role, dueDate);
        assignment.Raise(new AssignmentCreated(assignment.Id, actionPoint.Id, organizationId));
        return assignment;
    }

    public void Change(ActionPoint actionPoint, AssignmentRole role, DateOnly? dueDate)
    {
        EnsureNotCancelled("This assignment was cancelled and cannot be changed.");
        SetTerms(actionPoint, role, dueDate);
        Raise(new AssignmentChanged(Id));
    }

    public const string CancelledReturnComment = "The assignment was cancelled, so this update will not be validated.";

    /// <summary>
    /// Cancels the assignment. An update still awaiting validation is returned with a note, so it leaves the
    /// validation queue instead of waiting there forever.
    /// </summary>
    public void Cancel(ProgressUpdate? pendingUpdate = null, Guid reviewerId = default, string reviewerName = "", DateTime now = default)
    {
        EnsureNotCancelled("This assignment was cancelled and cannot be cancelled again.");
        if (pendingUpdate is not null && pendingUpdate.Id == PendingUpdateId)
        {
            pendingUpdate.Return(reviewerId, reviewerName, CancelledReturnComment, now);
            PendingUpdateId = null;
        }

        Status = AssignmentStatus.Cancelled;
        Raise(new AssignmentCancelled(Id));
    }

    /// <summary>A focal point's report. Where the forum requires validation it waits for the secretariat; otherwise it counts at once.</summary>
    public ProgressUpdate Report(ProgressReport report, Reporter reporter, DateTime now, bool requiresValidation, ProgressUpdate? revisionOf = null)
    {
        if (IsCancelled)
            throw new DomainException("Progress cannot be reported on a cancelled assignment.");
        if (reporter.OrganizationId != OrganizationId)
            throw new DomainException("Only the organization the action point is assigned to can report on it.");
        if (PendingUpdateId is not null)
            throw new DomainException("An update is already awaiting validation. Wait until the secretariat accepts or returns it.");
        if (revisionOf is not null && (revisionOf.AssignmentId != Id || revisionOf.State != ProgressUpdateState.Returned))
            throw new DomainException("Only an update returned on this assignment can be revised.");

        var update = ProgressUpdate.Submit(Id, report, reporter, now, revisionOf?.Id);
        LastUpdateAt = now;
        if (requiresValidation)
        {
            PendingUpdateId = update.Id;
        }
        else
        {
            update.AcceptOnSubmission();
            Apply(update);
        }

        Raise(new ProgressReported(Id, update.Id, requiresValidation));
        return update;
    }

    public void Accept(ProgressUpdate update, Guid reviewerId, string reviewerName, DateTime now)
    {
        EnsureOwn(update);
        if (IsCancelled)
            throw new DomainException("This assignment was cancelled: its updates can no longer be accepted.");
        update.Accept(reviewerId, reviewerName, now);
        Apply(update);
        PendingUpdateId = null;
        Raise(new ProgressAccepted(Id, update.Id));
    }

    public void Return(ProgressUpdate update, Guid reviewerId, string reviewerName, string comment, DateTime now)
    {
        EnsureOwn(update);
        update.Return(reviewerId, reviewerName, comment, now);
        PendingUpdateId = null;
        Raise(new ProgressReturned(Id, update.Id, update.ReviewComment!));
    }

    private void Apply(ProgressUpdate update)
    {
        Status = update.Status;
        PercentComplete = update.PercentComplete;
    }

    private void SetTerms(ActionPoint actionPoint, AssignmentRole role, DateOnly? dueDate)
    {
        if (actionPoint.Id != ActionPointId)
            throw new DomainException("This assignment belongs to another action point.");
        if (!Enum.IsDefined(role))
            throw new DomainException("The role must be Lead or Supporting.");
        var due = dueDate ?? actionPoint.DueDate;
        if (due < actionPoint.StartDate)
            throw new DomainException("The due date cannot be before the action point's start date.");
        Role = role;
        DueDate = due;
    }

    private void EnsureOwn(ProgressUpdate update)
    {
        if (update.AssignmentId != Id)
            throw new DomainException("This update belongs to another assignment.");
    }

    private void EnsureNotCancelled(string sentence)
    {
        if (IsCancelled)
            throw new DomainException(sentence);
    }
}
