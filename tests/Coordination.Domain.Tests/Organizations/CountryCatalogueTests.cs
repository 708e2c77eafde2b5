using Coordination.Domain.Organizations;

namespace Coordination.Domain.Tests.Organizations;

public sealed class CountryCatalogueTests
{
    [Fact]
    public void Catalogue_HoldsEveryIso3166Alpha3Country_Once()
    {
        CountryCatalogue.All.Count.ShouldBe(249);
        CountryCatalogue.All.Select(c => c.Code).Distinct().Count().ShouldBe(249);
        CountryCatalogue.All.ShouldAllBe(c => c.Code.Length == 3 && c.Code.All(char.IsAsciiLetterUpper));
    }

    [Theory]
    [InlineData("DOM", "Dominican Republic", "República Dominicana")]
    [InlineData("MEX", "Mexico", "México")]
    [InlineData("PAN", "Panama", "Panamá")]
    public void Find_ForumMemberStates_HaveEnglishAndSpanishNames(string code, string english, string spanish)
    {
        var country = CountryCatalogue.Find(code);

        country.ShouldNotBeNull();
        country.NameEn.ShouldBe(english);
        country.NameEs.ShouldBe(spanish);
    }

    [Fact]
    public void IsKnown_IsCaseSensitive_SoCodesAreStoredInOneForm()
    {
        CountryCatalogue.IsKnown("DOM").ShouldBeTrue();
        CountryCatalogue.IsKnown("dom").ShouldBeFalse();
        CountryCatalogue.IsKnown(null).ShouldBeFalse();
    }
}
