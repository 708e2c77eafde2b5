using Coordination.Domain.Common;
using Coordination.Domain.ReviewCycles;

namespace Coordination.Domain.Forums;

/// <summary>A meeting that adopted conclusions, with the organizations taking part in following them up.</summary>
public sealed class Forum : VersionedEntity
{
    public const int TitleMaxLength = 300;
    public const int PlaceMaxLength = 200;
    public const int DescriptionMaxLength = 8000;

    private readonly List<ForumParticipant> _participants = [];

    private Forum(Guid id)
        : base(id)
    {
        Title = "";
        Place = "";
    }

    public string Title { get; private set; }

    public string Place { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public string? Description { get; private set; }

    /// <summary>When true, an update changes the official status only once the secretariat accepts it.</summary>
    public bool RequiresValidation { get; private set; }

    /// <summary>
    /// When true, focal points and viewers see other organizations' assignments only as the secretariat accepted them:
    /// updates awaiting validation or returned (and the secretariat's comments) stay between the organization and the
    /// secretariat.
    /// </summary>
    public bool Confidential { get; private set; }

    /// <summary>Whether anyone, signed in or not, may read this forum's regional status report.</summary>
    public bool ReportPublished { get; private set; }

    public IReadOnlyCollection<ForumParticipant> Participants => _participants;

    /// <summary>When the periodic reviews recur; none until the secretariat sets it.</summary>
    public ReviewSchedule? ReviewSchedule { get; private set; }

    public void SetReviewSchedule(ReviewSchedule? schedule) => ReviewSchedule = schedule;

    /// <summary>The forum's time zone (from its review schedule), in which its days and deadlines are counted.</summary>
    public string TimeZone => ReviewSchedule?.TimeZone ?? "UTC";

    public static Forum Create(
        string title, string place, DateOnly startDate, DateOnly endDate, string? description, bool requiresValidation,
        IEnumerable<Guid> participantIds)
    {
        var forum = new Forum(Guid.CreateVersion7());
        forum.Change(title, place, startDate, endDate, description, requiresValidation);
        forum.SetParticipants(participantIds);
        return forum;
    }

    public void Change(string title, string place, DateOnly startDate, DateOnly endDate, string? description, bool requiresValidation)
    {
        if (endDate < startDate)
            throw new DomainException("The forum cannot end before it starts.");
        var checkedTitle = Guard.Required(title, "The title", TitleMaxLength);
        var checkedPlace = Guard.Required(place, "The place", PlaceMaxLength);
        var checkedDescription = Guard.Optional(description, "The description", DescriptionMaxLength);

        Title = checkedTitle;
        Place = checkedPlace;
        Description = checkedDescription;
        StartDate = startDate;
        EndDate = endDate;
        RequiresValidation = requiresValidation;
    }

    public bool HasParticipant(Guid organizationId) => _participants.Any(p => p.OrganizationId == organizationId);

    /// <summary>Adds the organization if it does not take part yet; true when it was added.</summary>
    public bool AddParticipant(Guid organizationId)
    {
        if (HasParticipant(organizationId))
            return false;
        _participants.Add(new ForumParticipant(Id, organizationId));
        return true;
    }

    public void SetParticipants(IEnumerable<Guid> organizationIds)
    {
        var wanted = organizationIds.Distinct().ToHashSet();
        _participants.RemoveAll(p => !wanted.Contains(p.OrganizationId));
        foreach (var organizationId in wanted)
            AddParticipant(organizationId);
    }

    public void SetConfidential(bool confidential) => Confidential = confidential;

    public void PublishReport() => ReportPublished = true;

    public void UnpublishReport() => ReportPublished = false;
}
