using Coordination.Domain.ActionPoints;
using Coordination.Domain.Common;

namespace Coordination.Domain.Tests.ActionPoints;

public sealed class ActionPointTests
{
    private static readonly Guid ForumId = Guid.CreateVersion7();
    private static readonly Guid ConclusionId = Guid.CreateVersion7();
    private static readonly DateOnly Start = new(2023, 1, 1);
    private static readonly DateOnly Due = new(2023, 12, 31);

    private static ActionPoint Create(
        string code = "RF22-04", string title = "Draft a regional glossary", DateOnly? start = null, DateOnly? due = null,
        Priority priority = Priority.High, Indicator? indicator = null) =>
        ActionPoint.Create(ForumId, ConclusionId, code, title, "  ", priority, start ?? Start, due ?? Due, indicator);

    [Fact]
    public void Create_WithValidTerms_KeepsThemTrimmed()
    {
        var actionPoint = Create(code: "  RF22-04 ", title: " Draft a regional glossary ");

        actionPoint.ForumId.ShouldBe(ForumId);
        actionPoint.ConclusionId.ShouldBe(ConclusionId);
        actionPoint.Code.ShouldBe("RF22-04");
        actionPoint.Title.ShouldBe("Draft a regional glossary");
        actionPoint.Description.ShouldBeNull();
        actionPoint.StartDate.ShouldBe(Start);
        actionPoint.DueDate.ShouldBe(Due);
        actionPoint.Indicator.ShouldBeNull();
    }

    [Fact]
    public void Create_DueBeforeStart_IsRefused()
    {
        Should.Throw<DomainException>(() => Create(start: Due, due: Start))
            .Message.ShouldBe("The due date cannot be before the start date.");
    }

    [Fact]
    public void Create_DueOnTheStartDay_IsAllowed()
    {
        Create(start: Start, due: Start).DueDate.ShouldBe(Start);
    }

    [Fact]
    public void Create_WithUnknownPriority_IsRefused()
    {
        Should.Throw<DomainException>(() => Create(priority: (Priority)7))
            .Message.ShouldBe("The priority must be Low, Medium or High.");
    }

    [Fact]
    public void Create_WithoutCodeOrWithOverlongTitle_IsRefused()
    {
        Should.Throw<DomainException>(() => Create(code: " ")).Message.ShouldBe("The code is required.");
        Should.Throw<DomainException>(() => Create(title: new string('T', ActionPoint.TitleMaxLength + 1)))
            .Message.ShouldContain($"at most {ActionPoint.TitleMaxLength} characters");
    }

    [Fact]
    public void Change_OfTheDates_RaisesReplanned_SoTheAssignmentsFlagsFollow()
    {
        var actionPoint = Create();
        actionPoint.ClearDomainEvents();

        actionPoint.Change(ConclusionId, "RF22-04", "Draft a regional glossary", null, Priority.Low, Start, Due.AddMonths(3), null);

        actionPoint.DueDate.ShouldBe(Due.AddMonths(3));
        actionPoint.DomainEvents.ShouldHaveSingleItem().ShouldBe(new ActionPointReplanned(actionPoint.Id));
    }

    [Fact]
    public void Change_WithoutNewDates_RaisesNothing()
    {
        var actionPoint = Create();
        actionPoint.ClearDomainEvents();

        actionPoint.Change(ConclusionId, "RF22-05", "Another title", "Now described", Priority.Low, Start, Due, null);

        actionPoint.Code.ShouldBe("RF22-05");
        actionPoint.Description.ShouldBe("Now described");
        actionPoint.Priority.ShouldBe(Priority.Low);
        actionPoint.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Change_DueBeforeStart_IsRefusedAndChangesNothing()
    {
        var actionPoint = Create();

        Should.Throw<DomainException>(() =>
            actionPoint.Change(Guid.CreateVersion7(), "RF22-09", "Changed", null, Priority.Low, Due, Start, null));

        actionPoint.ConclusionId.ShouldBe(ConclusionId);
        actionPoint.Code.ShouldBe("RF22-04");
        actionPoint.StartDate.ShouldBe(Start);
        actionPoint.DueDate.ShouldBe(Due);
    }

    [Fact]
    public void Indicator_WithNothingGiven_IsNone()
    {
        Indicator.From(null, null, "  ").ShouldBeNull();
    }

    [Fact]
    public void Indicator_WithoutTarget_IsRefused()
    {
        Should.Throw<DomainException>(() => Indicator.From(3, null, "surveys")).Message.ShouldBe("An indicator needs a target.");
    }

    [Fact]
    public void Indicator_WithTarget_IsKeptWithItsTrimmedUnit()
    {
        var actionPoint = Create(indicator: Indicator.From(0, 9, " countries "));

        actionPoint.Indicator!.Baseline.ShouldBe(0);
        actionPoint.Indicator.Target.ShouldBe(9);
        actionPoint.Indicator.Unit.ShouldBe("countries");
    }
}
