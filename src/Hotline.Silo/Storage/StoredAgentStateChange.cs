using Hotline.Telephony.Acd;

namespace Hotline.Silo.Storage;

/// <summary>One kept agent state change with its per-agent sequence number.</summary>
internal sealed record StoredAgentStateChange(long Seq, AgentStateChange Change);
