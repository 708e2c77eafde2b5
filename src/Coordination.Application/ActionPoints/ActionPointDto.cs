using System.Globalization;
using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.ActionPoints;

namespace Coordination.Application.ActionPoints;

public sealed record IndicatorDto(decimal? Baseline, decimal Target, string? Unit)
{
    public static IndicatorDto? From(Indicator? indicator) =>
        indicator is null ? null : new IndicatorDto(indicator.Baseline, indicator.Target, indicator.Unit);
}

public sealed record ActionPointDto(
    Guid Id,
    Guid ForumId,
    Guid ConclusionId,
    string Code,
    string Title,
    string? Description,
    Priority Priority,
    DateOnly StartDate,
    DateOnly DueDate,
    IndicatorDto? Indicator,
    int AssignmentCount,
    string Version);

/// <summary>An action point with each of its assignments and their current status.</summary>
public sealed record ActionPointDetailsDto(
    Guid Id,
    Guid ForumId,
    Guid ConclusionId,
    string Code,
    string Title,
    string? Description,
    Priority Priority,
    DateOnly StartDate,
    DateOnly DueDate,
    IndicatorDto? Indicator,
    int AssignmentCount,
    string Version,
    IReadOnlyList<AssignmentDto> Assignments);

/// <summary>What a query reads of one action point; member-initialized so queries can still order on it.</summary>
internal sealed class ActionPointRow
{
    public Guid Id { get; init; }

    public Guid ForumId { get; init; }

    public Guid ConclusionId { get; init; }

    public string Code { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Description { get; init; }

    public Priority Priority { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly DueDate { get; init; }

    public Indicator? Indicator { get; init; }

    public int AssignmentCount { get; init; }

    public long Version { get; init; }

    public ActionPointDto ToDto() => new(
        Id, ForumId, ConclusionId, Code, Title, Description, Priority, StartDate, DueDate, IndicatorDto.From(Indicator),
        AssignmentCount, Version.ToString(CultureInfo.InvariantCulture));

    public ActionPointDetailsDto ToDetails(IReadOnlyList<AssignmentDto> assignments) => new(
        Id, ForumId, ConclusionId, Code, Title, Description, Priority, StartDate, DueDate, IndicatorDto.From(Indicator),
        AssignmentCount, Version.ToString(CultureInfo.InvariantCulture), assignments);
}

internal static class ActionPointReads
{
    public static IQueryable<ActionPointRow> Rows(this ICoordinationDbContext db, IQueryable<ActionPoint> actionPoints) =>
        actionPoints.Select(ap => new ActionPointRow
        {
            Id = ap.Id,
            ForumId = ap.ForumId,
            ConclusionId = ap.ConclusionId,
            Code = ap.Code,
            Title = ap.Title,
            Description = ap.Description,
            Priority = ap.Priority,
            StartDate = ap.StartDate,
            DueDate = ap.DueDate,
            Indicator = ap.Indicator,
            AssignmentCount = db.Assignments.Count(a => a.ActionPointId == ap.Id),
            Version = ap.Version,
        });

    public static ActionPointDto ToDto(this ActionPoint actionPoint, int assignmentCount) => new(
        actionPoint.Id, actionPoint.ForumId, actionPoint.ConclusionId, actionPoint.Code, actionPoint.Title, actionPoint.Description,
        actionPoint.Priority, actionPoint.StartDate, actionPoint.DueDate, IndicatorDto.From(actionPoint.Indicator), assignmentCount,
        actionPoint.Version.ToString(CultureInfo.InvariantCulture));
}
