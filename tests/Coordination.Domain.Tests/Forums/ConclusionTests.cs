using Coordination.Domain.Common;
using Coordination.Domain.Forums;

namespace Coordination.Domain.Tests.Forums;

public sealed class ConclusionTests
{
    private static readonly Guid ForumId = Guid.CreateVersion7();

    [Fact]
    public void Create_SortsTheTagsAndDropsDuplicatesAndBlanks()
    {
        var conclusion = Conclusion.Create(ForumId, 3, " Adopt a common framework. ", " Conceptual framework ", [17, 1, 17], ["17.18", " 10.7 ", "", "17.18"]);

        conclusion.ForumId.ShouldBe(ForumId);
        conclusion.Number.ShouldBe(3);
        conclusion.Text.ShouldBe("Adopt a common framework.");
        conclusion.Theme.ShouldBe("Conceptual framework");
        conclusion.GcmObjectives.ShouldBe([1, 17]);
        conclusion.SdgTargets.ShouldBe(["10.7", "17.18"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Create_WithNumberBelowOne_IsRefused(int number)
    {
        Should.Throw<DomainException>(() => Conclusion.Create(ForumId, number, "Text", "Theme", [], []))
            .Message.ShouldBe("A conclusion's number starts at 1.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    public void Create_WithGcmObjectiveOutside1To23_IsRefused(int objective)
    {
        Should.Throw<DomainException>(() => Conclusion.Create(ForumId, 1, "Text", "Theme", [1, objective], []))
            .Message.ShouldBe("GCM objectives are numbered from 1 to 23.");
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("10.7")]
    [InlineData("17.18")]
    [InlineData("10.a")]
    [InlineData("5.c")]
    public void IsSdgTarget_RealTargetShapes_AreAccepted(string target) => Conclusion.IsSdgTarget(target).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("18.1")]
    [InlineData("0.1")]
    [InlineData("10.0")]
    [InlineData("10.A")]
    [InlineData("10.7.1")]
    [InlineData("SDG 10.7")]
    public void IsSdgTarget_OtherText_IsRefused(string? target) => Conclusion.IsSdgTarget(target).ShouldBeFalse();

    [Fact]
    public void Create_WithSomethingThatIsNotAnSdgTarget_NamesIt()
    {
        Should.Throw<DomainException>(() => Conclusion.Create(ForumId, 1, "Text", "Theme", [], ["10.7", "18.2"]))
            .Message.ShouldBe("'18.2' is not an SDG target (write it like 10.7 or 17.18).");
    }

    [Fact]
    public void Create_WithoutTextOrTheme_IsRefused()
    {
        Should.Throw<DomainException>(() => Conclusion.Create(ForumId, 1, " ", "Theme", [], [])).Message.ShouldBe("The text is required.");
        Should.Throw<DomainException>(() => Conclusion.Create(ForumId, 1, "Text", "", [], [])).Message.ShouldBe("The theme is required.");
        Should.Throw<DomainException>(() => Conclusion.Create(ForumId, 1, "Text", new string('T', Conclusion.ThemeMaxLength + 1), [], []))
            .Message.ShouldContain($"at most {Conclusion.ThemeMaxLength} characters");
    }

    [Fact]
    public void Change_WithAWrongTag_LeavesTheConclusionAsItWas()
    {
        var conclusion = Conclusion.Create(ForumId, 1, "Text", "Theme", [1], ["17.18"]);

        Should.Throw<DomainException>(() => conclusion.Change(2, "New text", "New theme", [30], ["10.7"]));

        conclusion.Number.ShouldBe(1);
        conclusion.Text.ShouldBe("Text");
        conclusion.GcmObjectives.ShouldBe([1]);
        conclusion.SdgTargets.ShouldBe(["17.18"]);
    }

    [Fact]
    public void Change_ReplacesEverything()
    {
        var conclusion = Conclusion.Create(ForumId, 1, "Text", "Theme", [1], ["17.18"]);

        conclusion.Change(4, "New text", "Data sharing", [], ["10.7"]);

        conclusion.Number.ShouldBe(4);
        conclusion.Text.ShouldBe("New text");
        conclusion.Theme.ShouldBe("Data sharing");
        conclusion.GcmObjectives.ShouldBeEmpty();
        conclusion.SdgTargets.ShouldBe(["10.7"]);
        conclusion.ForumId.ShouldBe(ForumId);
    }
}
