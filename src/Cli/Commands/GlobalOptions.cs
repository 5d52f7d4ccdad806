using System.CommandLine;

namespace Studies.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log details (including llama.cpp's own log) to stderr.",
        Recursive = true,
    };

    public static Option<int> Threads() => new("--threads", "-t")
    {
        Description = "Threads per llama.cpp context (1 is often fastest for tiny models on small CPUs).",
        DefaultValueFactory = _ => 1,
    };

    public static Option<string?> ChatTemplate() => new("--chat-template")
    {
        Description = "Chat template name (e.g. chatml) for a model whose file has none.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object on stdout instead of text.",
    };

    public static Option<string> Model() => new("--model", "-m")
    {
        Description = "Model name (looked up on the model search path) or path to a GGUF file.",
        Required = true,
    };
}
