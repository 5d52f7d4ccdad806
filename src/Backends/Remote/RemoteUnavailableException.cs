namespace Studies.Backends.Remote;

/// <summary>Every endpoint of a remote model has its circuit open: calls fail at once until one recovers.</summary>
public sealed class RemoteUnavailableException(string message) : ModelBackendException(message);
