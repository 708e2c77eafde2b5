using Coordination.Domain.Common;

namespace Coordination.Domain.ActionPoints;

/// <summary>How an action point's result is measured: from a baseline towards a target, in a unit.</summary>
public sealed record Indicator
{
    public const int UnitMaxLength = 50;

    private Indicator(decimal? baseline, decimal target, string? unit)
    {
        Baseline = baseline;
        Target = target;
        Unit = unit;
    }

    public decimal? Baseline { get; private init; }

    public decimal Target { get; private init; }

    public string? Unit { get; private init; }

    /// <summary>Null when nothing is given: the action point then has no indicator.</summary>
    public static Indicator? From(decimal? baseline, decimal? target, string? unit)
    {
        var trimmedUnit = Guard.Optional(unit, "The indicator's unit", UnitMaxLength);
        if (baseline is null && target is null && trimmedUnit is null)
            return null;
        if (target is null)
            throw new DomainException("An indicator needs a target.");
        return new Indicator(baseline, target.Value, trimmedUnit);
    }
}
