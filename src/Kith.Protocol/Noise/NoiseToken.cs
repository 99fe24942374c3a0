namespace Kith.Protocol.Noise;

/// <summary>The tokens of a Noise message pattern (Noise rev. 34 §5.3, §7.1) and of PSK modifiers (§9.2).</summary>
public enum NoiseToken
{
    /// <summary><c>e</c>: the sender's ephemeral public key, in clear.</summary>
    E = 1,

    /// <summary><c>s</c>: the sender's static public key, encrypted once a key exists.</summary>
    S = 2,

    /// <summary><c>ee</c>: DH between the two ephemeral keys.</summary>
    EE = 3,

    /// <summary><c>es</c>: DH between the initiator's ephemeral and the responder's static key.</summary>
    ES = 4,

    /// <summary><c>se</c>: DH between the initiator's static and the responder's ephemeral key.</summary>
    SE = 5,

    /// <summary><c>ss</c>: DH between the two static keys.</summary>
    SS = 6,

    /// <summary><c>psk</c>: mixes the next pre-shared key into the state (§9.2).</summary>
    Psk = 7,
}
