using System.Linq.Expressions;
using Coordination.Domain.Forums;

namespace Coordination.Application.Forums;

/// <param name="Confidential">Focal points and viewers see other organizations' assignments only as accepted.</param>
public sealed record ForumDto(
    Guid Id, string Title, string Place, DateOnly StartDate, DateOnly EndDate, string? Description, bool RequiresValidation,
    bool Confidential, IReadOnlyList<Guid> ParticipantIds, bool ReportPublished, string Version)
{
    public static readonly Expression<Func<Forum, ForumDto>> Projection = f =>
        new ForumDto(
            f.Id, f.Title, f.Place, f.StartDate, f.EndDate, f.Description, f.RequiresValidation, f.Confidential,
            f.Participants.Select(p => p.OrganizationId).ToList(), f.ReportPublished, f.Version.ToString());

    private static readonly Func<Forum, ForumDto> FromEntity = Projection.Compile();

    public static ForumDto From(Forum forum) => FromEntity(forum);
}
