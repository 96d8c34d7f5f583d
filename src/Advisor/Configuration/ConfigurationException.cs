namespace Advisor.Configuration;

/// <summary>Invalid configuration or command-line value: exit code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
