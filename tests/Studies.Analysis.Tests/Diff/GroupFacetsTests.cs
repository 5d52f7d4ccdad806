using Studies.Analysis.Diff;
using Studies.Experiments.Results;

namespace Studies.Analysis.Tests.Diff;

public sealed class GroupFacetsTests
{
    [Fact]
    public void Design_facets_split_and_item_facets_do_not()
    {
        var trials = DiffFixtures.Trials("m", "base", (i, _) => true).Select(t => (0, t)).ToList();

        Assert.Equal(["shots"], GroupFacets.Select(trials));
    }

    [Fact]
    public void Several_design_facets_all_split()
    {
        var trials = new List<(int, TrialRecord)>();
        foreach (var t in DiffFixtures.Trials("m", "base", (i, _) => true))
        {
            foreach (string perm in new[] { "0", "1" })
            {
                trials.Add((0, t with { Key = t.Key + perm, Facets = new Dictionary<string, string>(t.Facets) { ["perm"] = perm } }));
            }
        }

        Assert.Equal(["perm", "shots"], GroupFacets.Select(trials));
    }

    [Fact]
    public void An_interrupted_run_still_splits_by_its_design_facet()
    {
        // Item i0 finished both shot counts, the others only shots=0.
        var trials = DiffFixtures.Trials("m", "base", (i, _) => true)
            .Where(t => t.ItemId == "i0" || t.Facets["shots"] == "0")
            .Select(t => (0, t)).ToList();

        Assert.Equal(["shots"], GroupFacets.Select(trials));
    }
}
