using System.Diagnostics.CodeAnalysis;

namespace Kith.Protocol.Noise;

/// <summary>What <see cref="HandshakeState.WriteMessage"/> produced: the message to send, and the transport once complete.</summary>
public sealed class HandshakeWriteResult
{
    internal HandshakeWriteResult(byte[] message, NoiseTransport? transport)
    {
        Message = message;
        Transport = transport;
    }

    /// <summary>The handshake message for the peer (at most <see cref="Primitives.Limits.NoiseMaxMessageLength"/> bytes).</summary>
    public byte[] Message { get; }

    /// <summary>The transport, present only when this was the handshake's last message.</summary>
    public NoiseTransport? Transport { get; }

    /// <summary>Whether the handshake is complete and <see cref="Transport"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Transport))]
    public bool IsComplete => Transport is not null;

    /// <summary>Sizes only: the transport inside holds keys.</summary>
    public override string ToString() => $"HandshakeWriteResult({Message.Length} bytes{(IsComplete ? ", complete" : "")})";
}

/// <summary>What <see cref="HandshakeState.ReadMessage"/> produced: the peer's payload, and the transport once complete.</summary>
public sealed class HandshakeReadResult
{
    internal HandshakeReadResult(byte[] payload, NoiseTransport? transport)
    {
        Payload = payload;
        Transport = transport;
    }

    /// <summary>The decrypted (or, before any DH, plain) handshake payload.</summary>
    public byte[] Payload { get; }

    /// <summary>The transport, present only when this was the handshake's last message.</summary>
    public NoiseTransport? Transport { get; }

    /// <summary>Whether the handshake is complete and <see cref="Transport"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Transport))]
    public bool IsComplete => Transport is not null;

    /// <summary>Sizes only: the payload is the peer's content and the transport inside holds keys.</summary>
    public override string ToString() => $"HandshakeReadResult({Payload.Length} bytes{(IsComplete ? ", complete" : "")})";
}
