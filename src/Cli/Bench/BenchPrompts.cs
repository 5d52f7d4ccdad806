using Studies.Backends.Local;
using Studies.Cli.Output;

namespace Studies.Cli.Bench;

/// <summary>
/// The texts the bench feeds the model: plain ASCII in the style of the TinyStories models, so every vocabulary here
/// encodes it (TinyStories-656K aborts on characters it lacks), and deterministic, so runs compare.
/// </summary>
internal static class BenchPrompts
{
    private const string Story =
        "Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her red ball. " +
        "One day, she saw a big dog under a tree. The dog was sad because it was lost. Lily wanted to help the dog find " +
        "its home. She walked with the dog down the street and asked everyone if they knew the dog. A kind old man said " +
        "the dog lived next to the bakery. Lily and the dog went to the bakery, and a boy named Tom ran out and hugged the " +
        "dog. Tom was very happy and said thank you to Lily. They became good friends and played together every day. ";

    /// <summary>A prompt that is exactly <paramref name="tokens"/> tokens long for this model (its BOS included).</summary>
    public static string OfLength(LocalLanguageModel model, int tokens)
    {
        int special = model.Tokenize("", addSpecial: true).Count;
        string corpus = Story;
        while (model.Tokenize(corpus, addSpecial: false).Count < 2 * tokens)
        {
            corpus += Story;
        }

        Check(model, corpus);
        var all = model.Tokenize(corpus, addSpecial: false);
        // Cutting a token sequence and re-tokenizing its text can merge or split at the cut: adjust until it fits.
        int take = tokens - special;
        for (int attempt = 0; attempt < 64 && take > 0; attempt++)
        {
            string text = model.Detokenize(all.Take(take).ToArray()).TrimStart();
            int count = model.Tokenize(text, addSpecial: true).Count;
            if (count == tokens)
            {
                return text;
            }

            take += count < tokens ? 1 : -1;
        }

        throw new UserInputException($"could not build a prompt of exactly {tokens} tokens for {model.Info.Name}.");
    }

    /// <summary>Fails with one clear message when the model's vocabulary cannot encode a bench text.</summary>
    public static void Check(LocalLanguageModel model, string text)
    {
        var bad = model.FindUnencodable(text);
        if (bad.Count > 0)
        {
            throw new UserInputException($"{model.Info.Name} cannot encode the characters {string.Join(" ", bad)} of the bench's prompts: bench another model.");
        }
    }
}
