using Coordination.Domain.ActionPoints;
using Coordination.Domain.Common;
using Coordination.Domain.Forums;

namespace Coordination.Domain.Tests.ActionPoints;

public sealed class AssignmentTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);
    private static readonly DateOnly Due = new(2023, 12, 31);
    private static readonly Guid OrganizationId = Guid.CreateVersion7();

    private static ActionPoint NewActionPoint() =>
        ActionPoint.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), "RF22-04", "Draft a regional glossary", null, Priority.High, Start, Due, null);

    [Fact]
    public void Create_WithoutDueDate_TakesTheActionPointsAndStartsNotStarted()
    {
        var actionPoint = NewActionPoint();

        var assignment = Assignment.Create(actionPoint, OrganizationId, AssignmentRole.Lead, null);

        assignment.ActionPointId.ShouldBe(actionPoint.Id);
        assignment.OrganizationId.ShouldBe(OrganizationId);
        assignment.Role.ShouldBe(AssignmentRole.Lead);
        assignment.DueDate.ShouldBe(Due);
        assignment.Status.ShouldBe(AssignmentStatus.NotStarted);
        assignment.PercentComplete.ShouldBe(0);
        assignment.DomainEvents.ShouldHaveSingleItem().ShouldBe(new AssignmentCreated(assignment.Id, actionPoint.Id, OrganizationId));
    }

    [Fact]
    public void Create_WithItsOwnDueDate_KeepsIt_EvenAfterTheActionPointsDueDate()
    {
        var assignment = Assignment.Create(NewActionPoint(), OrganizationId, AssignmentRole.Supporting, Due.AddMonths(2));

        assignment.DueDate.ShouldBe(Due.AddMonths(2));
        assignment.Role.ShouldBe(AssignmentRole.Supporting);
    }

    [Fact]
    public void Create_DueBeforeTheActionPointStarts_IsRefused()
    {
        Should.Throw<DomainException>(() => Assignment.Create(NewActionPoint(), OrganizationId, AssignmentRole.Lead, Start.AddDays(-1)))
            .Message.ShouldBe("The due date cannot be before the action point's start date.");
    }

    [Fact]
    public void Create_WithUnknownRole_IsRefused()
    {
        Should.Throw<DomainException>(() => Assignment.Create(NewActionPoint(), OrganizationId, (AssignmentRole)5, null))
            .Message.ShouldBe("The role must be Lead or Supporting.");
    }

    [Fact]
    public void Change_RoleAndDueDate_RaisesChanged()
    {
        var actionPoint = NewActionPoint();
        var assignment = Assignment.Create(actionPoint, OrganizationId, AssignmentRole.Lead, null);
        assignment.ClearDomainEvents();

        assignment.Change(actionPoint, AssignmentRole.Supporting, Due.AddDays(-30));

        assignment.Role.ShouldBe(AssignmentRole.Supporting);
        assignment.DueDate.ShouldBe(Due.AddDays(-30));
        assignment.DomainEvents.ShouldHaveSingleItem().ShouldBe(new AssignmentChanged(assignment.Id));
    }

    [Fact]
    public void Change_DueBeforeStart_IsRefusedAndChangesNothing()
    {
        var actionPoint = NewActionPoint();
        var assignment = Assignment.Create(actionPoint, OrganizationId, AssignmentRole.Lead, null);

        Should.Throw<DomainException>(() => assignment.Change(actionPoint, AssignmentRole.Supporting, Start.AddDays(-1)));

        assignment.Role.ShouldBe(AssignmentRole.Lead);
        assignment.DueDate.ShouldBe(Due);
    }

    [Fact]
    public void Change_AgainstAnotherActionPoint_IsRefused()
    {
        var assignment = Assignment.Create(NewActionPoint(), OrganizationId, AssignmentRole.Lead, null);

        Should.Throw<DomainException>(() => assignment.Change(NewActionPoint(), AssignmentRole.Lead, null))
            .Message.ShouldBe("This assignment belongs to another action point.");
    }

    [Fact]
    public void Cancel_SetsCancelledAndRaisesCancelled()
    {
        var assignment = Assignment.Create(NewActionPoint(), OrganizationId, AssignmentRole.Lead, null);
        assignment.ClearDomainEvents();

        assignment.Cancel();

        assignment.Status.ShouldBe(AssignmentStatus.Cancelled);
        assignment.IsCancelled.ShouldBeTrue();
        assignment.DomainEvents.ShouldHaveSingleItem().ShouldBe(new AssignmentCancelled(assignment.Id));
    }

    [Fact]
    public void Cancel_Twice_IsRefused()
    {
        var assignment = Assignment.Create(NewActionPoint(), OrganizationId, AssignmentRole.Lead, null);
        assignment.Cancel();
        assignment.ClearDomainEvents();

        Should.Throw<DomainException>(() => assignment.Cancel())
            .Message.ShouldBe("This assignment was cancelled and cannot be cancelled again.");
        assignment.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Change_AfterCancel_IsRefusedAndChangesNothing()
    {
        var actionPoint = NewActionPoint();
        var assignment = Assignment.Create(actionPoint, OrganizationId, AssignmentRole.Lead, null);
        assignment.Cancel();

        Should.Throw<DomainException>(() => assignment.Change(actionPoint, AssignmentRole.Supporting, Due.AddDays(-1)))
            .Message.ShouldBe("This assignment was cancelled and cannot be changed.");
        assignment.Role.ShouldBe(AssignmentRole.Lead);
        assignment.DueDate.ShouldBe(Due);
        assignment.Status.ShouldBe(AssignmentStatus.Cancelled);
    }

    [Fact]
    public void Assigning_AnOrganizationAlreadyTakingPart_LeavesOneParticipant()
    {
        var forum = Forum.Create("Regional Forum", "Santo Domingo", Start, Start.AddDays(2), null, true, [OrganizationId, OrganizationId]);

        forum.AddParticipant(OrganizationId).ShouldBeFalse();

        forum.Participants.ShouldHaveSingleItem().OrganizationId.ShouldBe(OrganizationId);
    }

    [Fact]
    public void Cancel_WithAnUpdateAwaitingValidation_ReturnsItWithANote()
    {
        var assignment = Assignment.Create(NewActionPoint(), OrganizationId, AssignmentRole.Lead, null);
        var reporter = new Reporter(Guid.CreateVersion7(), "Focal point", OrganizationId);
        var pending = assignment.Report(
            new ProgressReport(AssignmentStatus.InProgress, 30, "Work started.", null, null, [], null, null),
            reporter, new DateTime(2023, 5, 1, 0, 0, 0, DateTimeKind.Utc), requiresValidation: true);

        assignment.Cancel(pending, Guid.CreateVersion7(), "Secretariat", new DateTime(2023, 5, 2, 0, 0, 0, DateTimeKind.Utc));

        assignment.Status.ShouldBe(AssignmentStatus.Cancelled);
        assignment.PendingUpdateId.ShouldBeNull();
        pending.State.ShouldBe(ProgressUpdateState.Returned);
        pending.ReviewComment.ShouldBe(Assignment.CancelledReturnComment);
    }
}
