using System.Text.Json;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>One ctrl_tcp event, e.g. {"event":true,"class":"call","type":"CALL_INCOMING","param":"…","id":"…"}.</summary>
internal sealed record BaresipEvent(string Type, string Class, string Param, string? CallId, string? PeerUri)
{
    public static BaresipEvent Parse(JsonElement root) => new(
        Text(root, "type") ?? string.Empty,
        Text(root, "class") ?? string.Empty,
        Text(root, "param") ?? string.Empty,
        Text(root, "id"),
        Text(root, "peeruri"));

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => $"{Type}({Param})";
}
