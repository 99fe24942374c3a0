using System.Text.Json;
using Kith.Crypto;

namespace Kith.Protocol.Tests.Noise;

/// <summary>One cacophony vector (see Vectors/README.md), with hex fields decoded.</summary>
internal sealed class NoiseVector
{
    private static readonly Lazy<Dictionary<string, NoiseVector>> All = new(Load);

    private NoiseVector(JsonElement json)
    {
        ProtocolName = json.GetProperty("protocol_name").GetString()!;
        InitPrologue = Hex(json, "init_prologue")!;
        RespPrologue = Hex(json, "resp_prologue")!;
        InitStatic = Hex(json, "init_static");
        RespStatic = Hex(json, "resp_static");
        InitEphemeral = Hex(json, "init_ephemeral");
        RespEphemeral = Hex(json, "resp_ephemeral");
        InitRemoteStatic = Hex(json, "init_remote_static");
        RespRemoteStatic = Hex(json, "resp_remote_static");
        InitPsks = Psks(json, "init_psks");
        RespPsks = Psks(json, "resp_psks");
        HandshakeHash = Hex(json, "handshake_hash")!;
        Messages = json.GetProperty("messages").EnumerateArray()
            .Select(m => (Hex(m, "payload")!, Hex(m, "ciphertext")!)).ToArray();
    }

    public string ProtocolName { get; }

    /// <summary>The pattern part of the name, with modifiers: <c>Noise_XXpsk3_25519_...</c> gives <c>XXpsk3</c>.</summary>
    public string PatternName => ProtocolName.Split('_')[1];

    public byte[] InitPrologue { get; }
    public byte[] RespPrologue { get; }
    public byte[]? InitStatic { get; }
    public byte[]? RespStatic { get; }
    public byte[]? InitEphemeral { get; }
    public byte[]? RespEphemeral { get; }
    public byte[]? InitRemoteStatic { get; }
    public byte[]? RespRemoteStatic { get; }
    public byte[][] InitPsks { get; }
    public byte[][] RespPsks { get; }
    public byte[] HandshakeHash { get; }
    public (byte[] Payload, byte[] Ciphertext)[] Messages { get; }

    public static IEnumerable<string> Names => All.Value.Keys.Order(StringComparer.Ordinal);

    public static NoiseVector Get(string protocolName) => All.Value[protocolName];

    public static IRandomSource Ephemerals(byte[]? ephemeral) =>
        ephemeral is null ? new FixedRandomSource() : new FixedRandomSource(ephemeral);

    private static Dictionary<string, NoiseVector> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Noise", "Vectors", "cacophony_25519_ChaChaPoly_BLAKE2b.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => new NoiseVector(v))
            .ToDictionary(v => v.ProtocolName);
    }

    private static byte[]? Hex(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement value) ? Convert.FromHexString(value.GetString()!) : null;

    private static byte[][] Psks(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement value)
            ? value.EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToArray()
            : [];
}
