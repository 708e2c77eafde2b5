using System.Globalization;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Imports;

/// <summary>A file to download: its name, its media type and its bytes.</summary>
public sealed record PlanDownload(string FileName, string ContentType, byte[] Content);

/// <summary>The forum's whole plan in the import format, so export → edit → import is a round trip.</summary>
public sealed record ExportPlanQuery(Guid ForumId, PlanFileType Type) : IQuery<PlanDownload>;

public sealed class ExportPlanHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<ExportPlanQuery, PlanDownload>
{
    public async ValueTask<PlanDownload> Handle(ExportPlanQuery query, CancellationToken cancellationToken)
    {
        if (!await db.CanReadForumAsync(user, query.ForumId, cancellationToken))
            throw new NotFoundException("Forum", query.ForumId);
        var rows = await PlanRows.OfForumAsync(db, query.ForumId, cancellationToken);
        return new PlanDownload(
            $"plan-{query.ForumId:N}{PlanFileWriter.Extension(query.Type)}", PlanFileWriter.ContentType(query.Type),
            PlanFileWriter.Write(query.Type, rows));
    }
}

/// <summary>The header row and one example row, for the secretariat to fill in.</summary>
public sealed record GetImportTemplateQuery : IQuery<PlanDownload>, ISecretariatOnly;

public sealed class GetImportTemplateHandler : IQueryHandler<GetImportTemplateQuery, PlanDownload>
{
    public ValueTask<PlanDownload> Handle(GetImportTemplateQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PlanDownload(
            "action-points-template.csv", PlanFileWriter.CsvContentType, PlanFileWriter.WriteCsv([PlanFormat.ExampleRow()])));
}

/// <summary>A forum's stored plan as plan rows: conclusions by number, action points by code, leads first.</summary>
public static class PlanRows
{
    public static async Task<List<PlanRow>> OfForumAsync(ICoordinationDbContext db, Guid forumId, CancellationToken cancellationToken)
    {
        var conclusions = await db.Conclusions.AsNoTracking().Where(c => c.ForumId == forumId).ToDictionaryAsync(c => c.Id, cancellationToken);
        var actionPoints = await db.ActionPoints.AsNoTracking().Where(a => a.ForumId == forumId).ToListAsync(cancellationToken);
        var assignments = (await (
                from assignment in db.Assignments.AsNoTracking()
                join actionPoint in db.ActionPoints on assignment.ActionPointId equals actionPoint.Id
                where actionPoint.ForumId == forumId
                select assignment).ToListAsync(cancellationToken))
            .ToLookup(a => a.ActionPointId);
        var organizations = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Acronym, o.CountryCode })
            .ToListAsync(cancellationToken);
        var sharedAcronyms = organizations.GroupBy(o => o.Acronym.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byId = organizations.ToDictionary(o => o.Id);

        var rows = new List<PlanRow>();
        var ordered = actionPoints
            .Select(a => (ActionPoint: a, Conclusion: conclusions[a.ConclusionId]))
            .OrderBy(p => p.Conclusion.Number)
            .ThenBy(p => p.ActionPoint.Code, StringComparer.Ordinal);
        foreach (var (actionPoint, conclusion) in ordered)
        {
            var planned = new[]
            {
                conclusion.Number.ToString(CultureInfo.InvariantCulture), conclusion.Text, conclusion.Theme,
                string.Join(PlanFormat.ListSeparator, conclusion.GcmObjectives.Select(o => o.ToString(CultureInfo.InvariantCulture))),
                string.Join(PlanFormat.ListSeparator, conclusion.SdgTargets),
                actionPoint.Code, actionPoint.Title, actionPoint.Description ?? "", actionPoint.Priority.ToString(),
                Date(actionPoint.StartDate), Date(actionPoint.DueDate), Number(actionPoint.Indicator?.Baseline),
                Number(actionPoint.Indicator?.Target), actionPoint.Indicator?.Unit ?? "",
            };
            var assigned = assignments[actionPoint.Id]
                .Select(a => (Assignment: a, Organization: byId[a.OrganizationId]))
                .OrderBy(p => p.Assignment.Role)
                .ThenBy(p => p.Organization.Acronym, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (assigned.Count == 0)
                rows.Add(new PlanRow(rows.Count + 2, [.. planned, "", "", "", ""]));
            foreach (var (assignment, organization) in assigned)
            {
                rows.Add(new PlanRow(rows.Count + 2,
                [
                    .. planned,
                    sharedAcronyms.Contains(organization.Acronym.Trim()) ? organization.Id.ToString() : organization.Acronym,
                    organization.CountryCode ?? "",
                    assignment.Role.ToString(),
                    // Empty means "the action point's due date", so moving that date in the file moves these too.
                    assignment.DueDate == actionPoint.DueDate ? "" : Date(assignment.DueDate),
                ]));
            }
        }

        return rows;
    }

    private static string Date(DateOnly date) => date.ToString(PlanFormat.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Without the trailing zeros the database's scale adds (5.0000 → 5).</summary>
    private static string Number(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture) ?? "";
}
