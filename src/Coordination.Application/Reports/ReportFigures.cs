using System.Linq.Expressions;
using Coordination.Application.Assignments;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

/// <summary>
/// The figures every report, page, export and the home overview show, defined once (see api.md "Report figures"):
/// assignments by official status, the mean percent of those not cancelled (one decimal, halves away from zero), and
/// how many are overdue or at risk.
/// </summary>
public sealed record ReportFiguresDto(
    int Assignments, IReadOnlyDictionary<AssignmentStatus, int> ByStatus, double PercentComplete, int Overdue, int AtRisk);

/// <summary>One line of a breakdown: <c>key</c> is the ISO alpha-3 code, organization id, theme, GCM objective number or SDG target.</summary>
public sealed record ReportBreakdownItemDto(
    string Key, string Label, int Assignments, IReadOnlyDictionary<AssignmentStatus, int> ByStatus, double PercentComplete, int Overdue,
    int AtRisk);

/// <summary>
/// An assignment as the figures see it: its grouping keys, official status and percent, and its flags already decided
/// in the database from <see cref="AssignmentFlags"/>. Snapshot rows take the same shape with their frozen flags.
/// </summary>
public sealed class ReportRow
{
    public Guid AssignmentId { get; init; }

    public Guid ForumId { get; init; }

    public Guid ActionPointId { get; init; }

    public Guid ConclusionId { get; init; }

    public Guid OrganizationId { get; init; }

    public OrganizationKind OrganizationKind { get; init; }

    public string? CountryCode { get; init; }

    public AssignmentStatus Status { get; init; }

    public int PercentComplete { get; init; }

    public bool Overdue { get; init; }

    public bool AtRisk { get; init; }

    public bool ReportedOnTime { get; init; }

    public bool ReportedLate { get; init; }
}

/// <summary>Counts summed in the database for one group; they add up exactly, so groups combine without rounding twice.</summary>
public sealed class FigureTotals<TKey>
{
    public TKey Key { get; init; } = default!;

    public int Assignments { get; init; }

    public int NotStarted { get; init; }

    public int InProgress { get; init; }

    public int Completed { get; init; }

    public int OnHold { get; init; }

    public int Cancelled { get; init; }

    /// <summary>The sum of the percents of the assignments not cancelled.</summary>
    public long PercentSum { get; init; }

    public int Overdue { get; init; }

    public int AtRisk { get; init; }

    public int ReportedOnTime { get; init; }

    public int ReportedLate { get; init; }

    public IReadOnlyDictionary<AssignmentStatus, int> ByStatus => new Dictionary<AssignmentStatus, int>
    {
        [AssignmentStatus.NotStarted] = NotStarted,
        [AssignmentStatus.InProgress] = InProgress,
        [AssignmentStatus.Completed] = Completed,
        [AssignmentStatus.OnHold] = OnHold,
        [AssignmentStatus.Cancelled] = Cancelled,
    };

    public double PercentComplete => ReportFigures.Mean(PercentSum, Assignments - Cancelled);

    public ReportFiguresDto ToDto() => new(Assignments, ByStatus, PercentComplete, Overdue, AtRisk);

    public ReportBreakdownItemDto ToItem(string key, string label) =>
        new(key, label, Assignments, ByStatus, PercentComplete, Overdue, AtRisk);
}

public static class ReportFigures
{
    /// <summary>The mean percent, rounded to one decimal with halves away from zero; 0 when nothing counts.</summary>
    public static double Mean(long percentSum, int count) =>
        count == 0 ? 0 : (double)Math.Round((decimal)percentSum / count, 1, MidpointRounding.AwayFromZero);

    /// <summary>All zero, with every status present.</summary>
    public static FigureTotals<T> Empty<T>(T key) => new() { Key = key };

    public static FigureTotals<TKey> Sum<TKey, TPart>(TKey key, IEnumerable<FigureTotals<TPart>> groups)
    {
        var all = groups.ToList();
        return new FigureTotals<TKey>
        {
            Key = key,
            Assignments = all.Sum(g => g.Assignments),
            NotStarted = all.Sum(g => g.NotStarted),
            InProgress = all.Sum(g => g.InProgress),
            Completed = all.Sum(g => g.Completed),
            OnHold = all.Sum(g => g.OnHold),
            Cancelled = all.Sum(g => g.Cancelled),
            PercentSum = all.Sum(g => g.PercentSum),
            Overdue = all.Sum(g => g.Overdue),
            AtRisk = all.Sum(g => g.AtRisk),
            ReportedOnTime = all.Sum(g => g.ReportedOnTime),
            ReportedLate = all.Sum(g => g.ReportedLate),
        };
    }

    /// <summary>The read side's rows with their flags decided in the database on day <paramref name="today"/>.</summary>
    public static IQueryable<ReportRow> Flagged(this IQueryable<AssignmentCurrentStatus> statuses, int today) =>
        statuses.Select(FlaggedShape(today));

    /// <summary>The figures of each group, counted by the database (one query, conditional counts).</summary>
    public static Task<List<FigureTotals<TKey>>> TotalsAsync<TKey>(
        this IQueryable<IGrouping<TKey, ReportRow>> groups, CancellationToken cancellationToken) =>
        groups.Select(g => new FigureTotals<TKey>
        {
            Key = g.Key,
            Assignments = g.Count(),
            NotStarted = g.Count(r => r.Status == AssignmentStatus.NotStarted),
            InProgress = g.Count(r => r.Status == AssignmentStatus.InProgress),
            Completed = g.Count(r => r.Status == AssignmentStatus.Completed),
            OnHold = g.Count(r => r.Status == AssignmentStatus.OnHold),
            Cancelled = g.Count(r => r.Status == AssignmentStatus.Cancelled),
            PercentSum = g.Sum(r => r.Status == AssignmentStatus.Cancelled ? 0L : (long)r.PercentComplete),
            Overdue = g.Count(r => r.Overdue),
            AtRisk = g.Count(r => r.AtRisk),
            ReportedOnTime = g.Count(r => r.ReportedOnTime),
            ReportedLate = g.Count(r => r.ReportedLate),
        }).ToListAsync(cancellationToken);

    /// <summary>
    /// The figures of all the rows together, keyed <see cref="Guid.Empty"/> (grouped by forum in SQL and summed here:
    /// a constant grouping key does not translate on every provider).
    /// </summary>
    public static async Task<FigureTotals<Guid>> OverallAsync(this IQueryable<ReportRow> rows, CancellationToken cancellationToken) =>
        Sum(Guid.Empty, await rows.GroupBy(r => r.ForumId).TotalsAsync(cancellationToken));

    private static Expression<Func<AssignmentCurrentStatus, ReportRow>> FlaggedShape(int today)
    {
        // The flags' one definition is inlined into the projection so the database decides them per row.
        Expression<Func<AssignmentCurrentStatus, bool, bool, ReportRow>> shape = (s, overdue, atRisk) => new ReportRow
        {
            AssignmentId = s.AssignmentId,
            ForumId = s.ForumId,
            ActionPointId = s.ActionPointId,
            ConclusionId = s.ConclusionId,
            OrganizationId = s.OrganizationId,
            OrganizationKind = s.OrganizationKind,
            CountryCode = s.CountryCode,
            Status = s.Status,
            PercentComplete = s.PercentComplete,
            Overdue = overdue,
            AtRisk = atRisk,

            // Every member is bound, or the database could not count on it.
            ReportedOnTime = false,
            ReportedLate = false,
        };
        var row = shape.Parameters[0];
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [shape.Parameters[1]] = Inline(AssignmentFlags.Overdue(today), row),
            [shape.Parameters[2]] = Inline(AssignmentFlags.AtRisk(today), row),
        }).Visit(shape.Body);
        return Expression.Lambda<Func<AssignmentCurrentStatus, ReportRow>>(body, row);
    }

    private static Expression Inline(Expression<Func<AssignmentCurrentStatus, bool>> predicate, ParameterExpression row) =>
        new Substitution(new Dictionary<ParameterExpression, Expression> { [predicate.Parameters[0]] = row }).Visit(predicate.Body);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
