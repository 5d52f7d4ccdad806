namespace Studies.Backends.Remote;

/// <summary>
/// A copy of a third-party exception chain with the API key masked in every message, so that an error logged with its
/// inner exceptions cannot leak the key (servers and SDKs may echo request details).
/// </summary>
internal sealed class RedactedException : Exception
{
    private RedactedException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    public static Exception? From(Exception? exception, ApiKeySecret secret, int depth = 0)
    {
        if (exception is null || depth > 8)
        {
            return null;
        }

        return new RedactedException($"{exception.GetType().Name}: {secret.Redact(exception.Message)}", From(exception.InnerException, secret, depth + 1));
    }
}
