using System.Linq.Expressions;
using Coordination.Domain.Forums;

namespace Coordination.Application.Forums;

public sealed record ConclusionDto(
    Guid Id, Guid ForumId, int Number, string Text, string Theme, IReadOnlyList<int> GcmObjectives, IReadOnlyList<string> SdgTargets,
    string Version)
{
    public static readonly Expression<Func<Conclusion, ConclusionDto>> Projection = c =>
        new ConclusionDto(c.Id, c.ForumId, c.Number, c.Text, c.Theme, c.GcmObjectives, c.SdgTargets, c.Version.ToString());

    private static readonly Func<Conclusion, ConclusionDto> FromEntity = Projection.Compile();

    public static ConclusionDto From(Conclusion conclusion) => FromEntity(conclusion);
}
