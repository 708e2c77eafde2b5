using Coordination.Domain.Common;

namespace Coordination.Domain.ActionPoints;

/// <summary>A concrete action derived from one conclusion, assigned to organizations that report on it.</summary>
public sealed class ActionPoint : VersionedEntity
{
    public const int CodeMaxLength = 30;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 8000;

    private ActionPoint(Guid id, Guid forumId, Guid conclusionId)
        : base(id)
    {
        ForumId = forumId;
        ConclusionId = conclusionId;
        Code = "";
        Title = "";
    }

    /// <summary>The forum of the conclusion, kept here so the code can be unique within the forum.</summary>
    public Guid ForumId { get; private set; }

    public Guid ConclusionId { get; private set; }

    /// <summary>Unique within the forum, e.g. <c>RF22-04</c>.</summary>
    public string Code { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public Priority Priority { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public Indicator? Indicator { get; private set; }

    public static ActionPoint Create(
        Guid forumId, Guid conclusionId, string code, string title, string? description, Priority priority,
        DateOnly startDate, DateOnly dueDate, Indicator? indicator)
    {
        var actionPoint = new ActionPoint(Guid.CreateVersion7(), forumId, conclusionId);
        actionPoint.Change(conclusionId, code, title, description, priority, startDate, dueDate, indicator);
        actionPoint.ClearDomainEvents(); // a new action point has no assignments to replan
        return actionPoint;
    }

    /// <param name="conclusionId">Another conclusion of the same forum; the handler checks it belongs to it.</param>
    public void Change(
        Guid conclusionId, string code, string title, string? description, Priority priority,
        DateOnly startDate, DateOnly dueDate, Indicator? indicator)
    {
        if (dueDate < startDate)
            throw new DomainException("The due date cannot be before the start date.");
        if (!Enum.IsDefined(priority))
            throw new DomainException("The priority must be Low, Medium or High.");

        var checkedCode = Guard.Required(code, "The code", CodeMaxLength);
        var checkedTitle = Guard.Required(title, "The title", TitleMaxLength);
        var checkedDescription = Guard.Optional(description, "The description", DescriptionMaxLength);

        var replanned = ConclusionId != conclusionId || StartDate != startDate || DueDate != dueDate;
        ConclusionId = conclusionId;
        Code = checkedCode;
        Title = checkedTitle;
        Description = checkedDescription;
        Priority = priority;
        StartDate = startDate;
        DueDate = dueDate;
        Indicator = indicator;
        if (replanned)
            Raise(new ActionPointReplanned(Id));
    }
}
