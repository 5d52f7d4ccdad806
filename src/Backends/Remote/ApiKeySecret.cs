namespace Studies.Backends.Remote;

/// <summary>
/// The API key, read from the environment variable the options name. It is handed only to the HTTP layer and is
/// scrubbed from every message this backend produces; ToString never reveals it.
/// </summary>
internal sealed class ApiKeySecret
{
    private const string Mask = "***";
    private readonly string? _value;

    private ApiKeySecret(string? variable, string? value)
    {
        Variable = variable;
        _value = string.IsNullOrEmpty(value) ? null : value;
    }

    public static ApiKeySecret None { get; } = new(null, null);

    public string? Variable { get; }

    public bool HasValue => _value is not null;

    /// <summary>Reads the key; a named variable that is unset or empty is a configuration error.</summary>
    public static ApiKeySecret FromEnvironment(string? variable)
    {
        if (string.IsNullOrWhiteSpace(variable))
        {
            return None;
        }

        string? value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            throw new ModelBackendException($"The environment variable {variable} (api_key_env) is not set: export the API key in it, or remove api_key_env for a server without a key.");
        }

        return new ApiKeySecret(variable, value);
    }

    /// <summary>The key, for the Authorization header only.</summary>
    public string? Reveal() => _value;

    /// <summary>The text with every occurrence of the key masked.</summary>
    public string Redact(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        return _value is null ? text : text.Replace(_value, Mask, StringComparison.Ordinal);
    }

    public override string ToString() => Variable is null ? "(no API key)" : $"(API key from ${Variable})";
}
