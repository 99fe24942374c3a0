namespace Kith.Protocol.Noise;

/// <summary>Which side of a Noise handshake a party plays (§5.3 <c>initiator</c>).</summary>
public enum NoiseRole
{
    /// <summary>Sends the first handshake message.</summary>
    Initiator = 1,

    /// <summary>Receives the first handshake message.</summary>
    Responder = 2,
}
