using System.Linq.Expressions;

namespace Coordination.Application.Assignments;

internal static class AssignmentFilters
{
    /// <summary>Overdue, or (for <c>overdue=false</c>) not overdue, from the one definition in <see cref="AssignmentFlags"/>.</summary>
    public static Expression<Func<AssignmentCurrentStatus, bool>> Overdue(bool overdue, int today)
    {
        var isOverdue = AssignmentFlags.Overdue(today);
        return overdue
            ? isOverdue
            : Expression.Lambda<Func<AssignmentCurrentStatus, bool>>(Expression.Not(isOverdue.Body), isOverdue.Parameters);
    }
}
