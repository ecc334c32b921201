namespace Hotline.Silo.Hosting;

/// <summary>A configuration value the host cannot start with; the message names the key.</summary>
internal sealed class HostSettingsException(string message) : Exception(message);
