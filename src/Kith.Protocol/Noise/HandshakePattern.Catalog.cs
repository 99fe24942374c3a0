namespace Kith.Protocol.Noise;

/// <summary>
/// The catalogue, written in the spec's notation (Noise rev. 34 §7.4, §7.5, §7.6). All static state of
/// <see cref="HandshakePattern"/> lives in this file so that its initialisation order is the order below.
/// </summary>
public sealed partial class HandshakePattern
{
    /// <summary>N (§7.4): one-way to a known responder static key; sender anonymous.</summary>
    public static HandshakePattern N { get; } = Define("N", "<- s", "...", "-> e, es");

    /// <summary>K (§7.4): one-way, both static keys known in advance.</summary>
    public static HandshakePattern K { get; } = Define("K", "-> s", "<- s", "...", "-> e, es, ss");

    /// <summary>X (§7.4): one-way to a known responder; the sender's static key is transmitted.</summary>
    public static HandshakePattern X { get; } = Define("X", "<- s", "...", "-> e, es, s, ss");

    /// <summary>NN (§7.5): no static keys.</summary>
    public static HandshakePattern NN { get; } = Define("NN", "-> e", "<- e, ee");

    /// <summary>NK (§7.5): the responder's static key is known to the initiator.</summary>
    public static HandshakePattern NK { get; } = Define("NK", "<- s", "...", "-> e, es", "<- e, ee");

    /// <summary>NX (§7.5): the responder's static key is transmitted.</summary>
    public static HandshakePattern NX { get; } = Define("NX", "-> e", "<- e, ee, s, es");

    /// <summary>XN (§7.5): the initiator's static key is transmitted; the responder has none.</summary>
    public static HandshakePattern XN { get; } = Define("XN", "-> e", "<- e, ee", "-> s, se");

    /// <summary>XK (§7.5): the initiator's static key is transmitted; the responder's is known.</summary>
    public static HandshakePattern XK { get; } = Define("XK", "<- s", "...", "-> e, es", "<- e, ee", "-> s, se");

    /// <summary>XX (§7.5): both static keys are transmitted. Kith's link handshake when the peer's key is unknown.</summary>
    public static HandshakePattern XX { get; } = Define("XX", "-> e", "<- e, ee, s, es", "-> s, se");

    /// <summary>KN (§7.5): the initiator's static key is known to the responder; the responder has none.</summary>
    public static HandshakePattern KN { get; } = Define("KN", "-> s", "...", "-> e", "<- e, ee, se");

    /// <summary>KK (§7.5): both static keys are known in advance.</summary>
    public static HandshakePattern KK { get; } = Define("KK", "-> s", "<- s", "...", "-> e, es, ss", "<- e, ee, se");

    /// <summary>KX (§7.5): the initiator's static key is known; the responder's is transmitted.</summary>
    public static HandshakePattern KX { get; } = Define("KX", "-> s", "...", "-> e", "<- e, ee, se, s, es");

    /// <summary>IN (§7.5): the initiator's static key is sent immediately; the responder has none.</summary>
    public static HandshakePattern IN { get; } = Define("IN", "-> e, s", "<- e, ee, se");

    /// <summary>IK (§7.5): the initiator's static key is sent immediately to a known responder. Kith's link handshake when the peer's key is known.</summary>
    public static HandshakePattern IK { get; } = Define("IK", "<- s", "...", "-> e, es, s, ss", "<- e, ee, se");

    /// <summary>IX (§7.5): the initiator's static key is sent immediately; the responder's is transmitted.</summary>
    public static HandshakePattern IX { get; } = Define("IX", "-> e, s", "<- e, ee, se, s, es");

    /// <summary>
    /// Every catalogue pattern: the one-way and fundamental ones above, then the deferred patterns of §7.6,
    /// which postpone an authentication DH by one message and are reachable through <see cref="TryGet"/>.
    /// </summary>
    public static IReadOnlyList<HandshakePattern> All { get; } =
    [
        N, K, X, NN, NK, NX, XN, XK, XX, KN, KK, KX, IN, IK, IX,
        Define("NK1", "<- s", "...", "-> e", "<- e, ee, es"),
        Define("NX1", "-> e", "<- e, ee, s", "-> es"),
        Define("X1N", "-> e", "<- e, ee", "-> s", "<- se"),
        Define("X1K", "<- s", "...", "-> e, es", "<- e, ee", "-> s", "<- se"),
        Define("XK1", "<- s", "...", "-> e", "<- e, ee, es", "-> s, se"),
        Define("X1K1", "<- s", "...", "-> e", "<- e, ee, es", "-> s", "<- se"),
        Define("X1X", "-> e", "<- e, ee, s, es", "-> s", "<- se"),
        Define("XX1", "-> e", "<- e, ee, s", "-> es, s, se"),
        Define("X1X1", "-> e", "<- e, ee, s", "-> es, s", "<- se"),
        Define("K1N", "-> s", "...", "-> e", "<- e, ee", "-> se"),
        Define("K1K", "-> s", "<- s", "...", "-> e, es", "<- e, ee", "-> se"),
        Define("KK1", "-> s", "<- s", "...", "-> e", "<- e, ee, se, es"),
        Define("K1K1", "-> s", "<- s", "...", "-> e", "<- e, ee, es", "-> se"),
        Define("K1X", "-> s", "...", "-> e", "<- e, ee, s, es", "-> se"),
        Define("KX1", "-> s", "...", "-> e", "<- e, ee, se, s", "-> es"),
        Define("K1X1", "-> s", "...", "-> e", "<- e, ee, s", "-> se, es"),
        Define("I1N", "-> e, s", "<- e, ee", "-> se"),
        Define("I1K", "<- s", "...", "-> e, es, s", "<- e, ee", "-> se"),
        Define("IK1", "<- s", "...", "-> e, s", "<- e, ee, se, es"),
        Define("I1K1", "<- s", "...", "-> e, s", "<- e, ee, es", "-> se"),
        Define("I1X", "-> e, s", "<- e, ee, s, es", "-> se"),
        Define("IX1", "-> e, s", "<- e, ee, se, s", "-> es"),
        Define("I1X1", "-> e, s", "<- e, ee, s", "-> se, es"),
    ];
}
