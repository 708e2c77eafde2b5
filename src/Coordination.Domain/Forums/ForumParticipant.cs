namespace Coordination.Domain.Forums;

/// <summary>An organization taking part in a forum's follow-up; its focal points may read the forum.</summary>
public sealed class ForumParticipant
{
    internal ForumParticipant(Guid forumId, Guid organizationId)
    {
        ForumId = forumId;
        OrganizationId = organizationId;
    }

    public Guid ForumId { get; private set; }

    public Guid OrganizationId { get; private set; }
}
