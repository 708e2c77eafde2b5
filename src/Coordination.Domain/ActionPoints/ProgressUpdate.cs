using Coordination.Domain.Common;

namespace Coordination.Domain.ActionPoints;

/// <summary>
/// One report on one assignment. Never overwritten: a returned update is revised in a new update, and an accepted
/// one never changes.
/// </summary>
public sealed class ProgressUpdate : VersionedEntity
{
    public const int NarrativeMaxLength = 8000;
    public const int NoteMaxLength = 4000;
    public const int CommentMaxLength = 4000;
    public const int EvidenceLinkMaxLength = 2000;
    public const int MaxEvidenceLinks = 20;

    /// <summary>A narrative this long describes what was delivered well enough to stand as evidence of completion.</summary>
    public const int CompletionNarrativeMinLength = 80;

    private ProgressUpdate(Guid id, Guid assignmentId)
        : base(id)
    {
        AssignmentId = assignmentId;
        Narrative = "";
        SubmittedByName = "";
    }

    public Guid AssignmentId { get; private set; }

    public Guid? ReviewCycleId { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public int PercentComplete { get; private set; }

    public string Narrative { get; private set; }

    public string? Obstacles { get; private set; }

    public string? SupportNeeded { get; private set; }

    public List<string> EvidenceLinks { get; private set; } = [];

    public decimal? IndicatorValue { get; private set; }

    public ProgressUpdateState State { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public Guid SubmittedById { get; private set; }

    public string SubmittedByName { get; private set; }

    public Guid? RevisionOfId { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public string? ReviewedByName { get; private set; }

    public string? ReviewComment { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c>, so a retried submission returns this update instead of a second one.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>A hash of the submitted request, to tell a retry from a different request reusing the key.</summary>
    public string? RequestHash { get; private set; }

    public void RememberIdempotencyKey(string key, string requestHash)
    {
        IdempotencyKey = key;
        RequestHash = requestHash;
    }

    internal static ProgressUpdate Submit(Guid assignmentId, ProgressReport report, Reporter reporter, DateTime now, Guid? revisionOfId)
    {
        if (report.Status == AssignmentStatus.Cancelled)
            throw new DomainException("Only the secretariat cancels an assignment; report it as on hold and explain why.");
        if (report.PercentComplete is < 0 or > 100)
            throw new DomainException("The percent complete must be between 0 and 100.");
        var links = report.EvidenceLinks.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
        if (links.Count > MaxEvidenceLinks)
            throw new DomainException("At most {0} evidence links can be attached to one update.", MaxEvidenceLinks);
        if (links.FirstOrDefault(l => !IsWebLink(l)) is { } wrong)
            throw new DomainException("'{0}' is not a web link (http or https).", wrong);
        var narrative = Guard.Required(report.Narrative, "The narrative", NarrativeMaxLength);
        if (report.Status == AssignmentStatus.Completed)
        {
            if (report.PercentComplete != 100)
                throw new DomainException("A completed assignment is 100 % complete.");
            if (links.Count == 0 && narrative.Length < CompletionNarrativeMinLength)
                throw new DomainException("To report completion, attach a link to the evidence or describe what was delivered in the narrative.");
        }

        return new ProgressUpdate(Guid.CreateVersion7(), assignmentId)
        {
            ReviewCycleId = report.ReviewCycleId,
            Status = report.Status,
            PercentComplete = report.PercentComplete,
            Narrative = narrative,
            Obstacles = Guard.Optional(report.Obstacles, "The obstacles", NoteMaxLength),
            SupportNeeded = Guard.Optional(report.SupportNeeded, "The support needed", NoteMaxLength),
            EvidenceLinks = links,
            IndicatorValue = report.IndicatorValue,
            State = ProgressUpdateState.Submitted,
            SubmittedAt = now,
            SubmittedById = reporter.UserId,
            SubmittedByName = reporter.Name,
            RevisionOfId = revisionOfId,
        };
    }

    internal void Accept(Guid reviewerId, string reviewerName, DateTime now)
    {
        EnsureSubmitted("Only an update awaiting validation can be accepted; this one is {0}.");
        State = ProgressUpdateState.Accepted;
        Review(reviewerId, reviewerName, now, null);
    }

    /// <summary>In a forum without validation, an update counts as soon as it is submitted.</summary>
    internal void AcceptOnSubmission() => State = ProgressUpdateState.Accepted;

    internal void Return(Guid reviewerId, string reviewerName, string comment, DateTime now)
    {
        EnsureSubmitted("Only an update awaiting validation can be returned; this one is {0}.");
        var text = Guard.Optional(comment, "The comment", CommentMaxLength)
            ?? throw new DomainException("Say what needs to change: returning an update needs a comment.");
        State = ProgressUpdateState.Returned;
        Review(reviewerId, reviewerName, now, text);
    }

    private void EnsureSubmitted(string template)
    {
        if (State != ProgressUpdateState.Submitted)
            throw new DomainException(template, $"already {State.ToString().ToLowerInvariant()}");
    }

    private void Review(Guid reviewerId, string reviewerName, DateTime now, string? comment)
    {
        ReviewedAt = now;
        ReviewedById = reviewerId;
        ReviewedByName = reviewerName;
        ReviewComment = comment;
    }

    public static bool IsWebLink(string link) =>
        link.Length <= EvidenceLinkMaxLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
