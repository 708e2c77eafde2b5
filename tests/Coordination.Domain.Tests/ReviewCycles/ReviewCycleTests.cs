using Coordination.Domain.Common;
using Coordination.Domain.ReviewCycles;

namespace Coordination.Domain.Tests.ReviewCycles;

public sealed class ReviewCycleTests
{
    private static readonly DateTime Now = new(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Opens = new(2026, 7, 1);

    private static ReviewCycle NewCycle() => ReviewCycle.Create(Guid.NewGuid(), " Q3 2026 review ", Opens, Opens.AddDays(30), Opens.AddDays(35), fromSchedule: false);

    [Fact]
    public void Create_IsScheduledWithTrimmedNameAndNoEvent()
    {
        var cycle = NewCycle();

        cycle.State.ShouldBe(ReviewCycleState.Scheduled);
        cycle.Name.ShouldBe("Q3 2026 review");
        cycle.SubmissionDeadline.ShouldBe(new DateOnly(2026, 7, 31));
        cycle.FromSchedule.ShouldBeFalse();
        cycle.DomainEvents.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1, null, "The submission deadline cannot be before the cycle opens.")]
    [InlineData(10, -1, "The review meeting cannot be before the cycle opens.")]
    public void Create_WithDatesOutOfOrder_IsRefused(int deadlineDays, int? meetingDays, string message)
    {
        var meeting = meetingDays is { } days ? Opens.AddDays(days) : (DateOnly?)null;

        Should.Throw<DomainException>(() => ReviewCycle.Create(Guid.NewGuid(), "Review", Opens, Opens.AddDays(deadlineDays), meeting, false))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void Create_WithoutName_IsRefused() =>
        Should.Throw<DomainException>(() => ReviewCycle.Create(Guid.NewGuid(), "  ", Opens, Opens, null, false));

    [Fact]
    public void Open_Scheduled_IsOpenWithItsTimeAndRaisesReviewCycleOpened()
    {
        var cycle = NewCycle();

        cycle.Open(Now);

        cycle.State.ShouldBe(ReviewCycleState.Open);
        cycle.OpenedAt.ShouldBe(Now);
        cycle.DomainEvents.ShouldHaveSingleItem().ShouldBe(new ReviewCycleOpened(cycle.Id, cycle.ForumId));
    }

    [Fact]
    public void Open_Twice_IsRefused()
    {
        var cycle = NewCycle();
        cycle.Open(Now);

        Should.Throw<DomainException>(() => cycle.Open(Now)).Message.ShouldBe("This review cycle is already open.");
    }

    [Fact]
    public void Close_Scheduled_IsRefused() =>
        Should.Throw<DomainException>(() => NewCycle().Close(Now)).Message.ShouldBe("Only an open review cycle can be closed.");

    [Fact]
    public void Close_Open_IsClosedAndRaisesReviewCycleClosed_AndCannotBeReopenedReclosedOrChanged()
    {
        var cycle = NewCycle();
        cycle.Open(Now);
        cycle.ClearDomainEvents();

        cycle.Close(Now.AddDays(35));

        cycle.State.ShouldBe(ReviewCycleState.Closed);
        cycle.ClosedAt.ShouldBe(Now.AddDays(35));
        cycle.DomainEvents.ShouldHaveSingleItem().ShouldBe(new ReviewCycleClosed(cycle.Id, cycle.ForumId));
        Should.Throw<DomainException>(() => cycle.Close(Now)).Message.ShouldBe("This review cycle is already closed.");
        Should.Throw<DomainException>(() => cycle.Open(Now)).Message.ShouldBe("A closed review cycle cannot be opened again.");
        Should.Throw<DomainException>(() => cycle.Change("Other", Opens, Opens, null)).Message.ShouldBe("A closed review cycle cannot be changed.");
    }
}
