using Coordination.Domain.Common;

namespace Coordination.Domain.ReviewCycles;

/// <summary>
/// A periodic review: it opens on a day, every active assignment is expected to get an update before its submission
/// deadline, and when it closes a snapshot of the regional status is frozen for trends and compliance.
/// </summary>
public sealed class ReviewCycle : VersionedEntity
{
    public const int NameMaxLength = 150;

    private ReviewCycle(Guid id, Guid forumId)
        : base(id)
    {
        ForumId = forumId;
        Name = "";
    }

    public Guid ForumId { get; private set; }

    public string Name { get; private set; }

    public DateOnly OpensOn { get; private set; }

    /// <summary>The last day to submit, in the forum's time zone.</summary>
    public DateOnly SubmissionDeadline { get; private set; }

    public DateOnly? MeetingDate { get; private set; }

    public ReviewCycleState State { get; private set; }

    /// <summary>Created from the forum's schedule (as opposed to by hand), which keeps the job from creating it twice.</summary>
    public bool FromSchedule { get; private set; }

    public DateTime? OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public static ReviewCycle Create(Guid forumId, string name, DateOnly opensOn, DateOnly submissionDeadline, DateOnly? meetingDate, bool fromSchedule)
    {
        var cycle = new ReviewCycle(Guid.CreateVersion7(), forumId) { State = ReviewCycleState.Scheduled, FromSchedule = fromSchedule };
        cycle.Change(name, opensOn, submissionDeadline, meetingDate);
        return cycle;
    }

    public void Change(string name, DateOnly opensOn, DateOnly submissionDeadline, DateOnly? meetingDate)
    {
        if (State == ReviewCycleState.Closed)
            throw new DomainException("A closed review cycle cannot be changed.");
        if (submissionDeadline < opensOn)
            throw new DomainException("The submission deadline cannot be before the cycle opens.");
        if (meetingDate is { } meeting && meeting < opensOn)
            throw new DomainException("The review meeting cannot be before the cycle opens.");
        var checkedName = Guard.Required(name, "The name", NameMaxLength);

        Name = checkedName;
        OpensOn = opensOn;
        SubmissionDeadline = submissionDeadline;
        MeetingDate = meetingDate;
    }

    public void Open(DateTime now)
    {
        if (State != ReviewCycleState.Scheduled)
            throw new DomainException(State == ReviewCycleState.Open ? "This review cycle is already open." : "A closed review cycle cannot be opened again.");
        State = ReviewCycleState.Open;
        OpenedAt = now;
        Raise(new ReviewCycleOpened(Id, ForumId));
    }

    /// <summary>Closes the cycle; the handler freezes the snapshot in the same transaction.</summary>
    public void Close(DateTime now)
    {
        if (State != ReviewCycleState.Open)
            throw new DomainException(State == ReviewCycleState.Closed ? "This review cycle is already closed." : "Only an open review cycle can be closed.");
        State = ReviewCycleState.Closed;
        ClosedAt = now;
        Raise(new ReviewCycleClosed(Id, ForumId));
    }
}

public sealed record ReviewCycleOpened(Guid ReviewCycleId, Guid ForumId) : IDomainEvent;

public sealed record ReviewCycleClosed(Guid ReviewCycleId, Guid ForumId) : IDomainEvent;
