using Studies.Analysis.Diff;

namespace Studies.Analysis.Tests.Diff;

public sealed class ModelPairingTests
{
    [Fact]
    public void Same_names_pair_each_model_with_itself_whatever_the_order()
    {
        var p = ModelPairing.PairStudy("s", [("a", "base"), ("b", "assistant")], [("b", "assistant"), ("a", "base")]);

        Assert.Equal(PairingRule.SameModel, p.Rule);
        Assert.Equal([("a", "a"), ("b", "b")], p.Pairs.Select(x => (x.ModelA, x.ModelB)));
    }

    [Fact]
    public void One_model_per_role_pairs_by_role()
    {
        var p = ModelPairing.PairStudy("s", [("base1", "base"), ("chat1", "assistant")], [("chat2", "assistant"), ("base2", "base")]);

        Assert.Equal(PairingRule.ByRole, p.Rule);
        Assert.Equal([("base1", "base2"), ("chat1", "chat2")], p.Pairs.Select(x => (x.ModelA, x.ModelB)));
    }

    [Fact]
    public void A_base_run_against_an_assistant_run_pairs_by_position()
    {
        var p = ModelPairing.PairStudy("s", [("stories", "base")], [("stories-chat", "assistant")]);

        Assert.Equal(PairingRule.ByPosition, p.Rule);
        Assert.Equal(("stories", "base", "stories-chat", "assistant"), (p.Pairs[0].ModelA, p.Pairs[0].RoleA, p.Pairs[0].ModelB, p.Pairs[0].RoleB));
    }

    [Fact]
    public void Position_pairing_leaves_extra_models_unpaired()
    {
        var p = ModelPairing.PairStudy("s", [("a1", "base"), ("a2", "base"), ("a3", "base")], [("b1", "base"), ("b2", "base")]);

        Assert.Equal(PairingRule.ByPosition, p.Rule);
        Assert.Equal([("a1", "b1"), ("a2", "b2")], p.Pairs.Select(x => (x.ModelA, x.ModelB)));
        Assert.Equal(["a3"], p.UnpairedModelsA);
        Assert.Empty(p.UnpairedModelsB);
    }

    [Fact]
    public void Shared_names_pair_with_themselves_before_the_others_are_paired()
    {
        var p = ModelPairing.PairStudy("s", [("x", "base"), ("y", "assistant")], [("z", "assistant"), ("x", "base")]);

        Assert.Equal(PairingRule.ByRole, p.Rule);
        Assert.Equal([("x", "x"), ("y", "z")], p.Pairs.Select(q => (q.ModelA, q.ModelB)));
    }

    [Fact]
    public void A_model_missing_from_one_run_stays_unpaired()
    {
        var p = ModelPairing.PairStudy("s", [("x", "base"), ("y", "assistant")], [("y", "assistant")]);

        Assert.Equal([("y", "y")], p.Pairs.Select(q => (q.ModelA, q.ModelB)));
        Assert.Equal(["x"], p.UnpairedModelsA);
    }
}
