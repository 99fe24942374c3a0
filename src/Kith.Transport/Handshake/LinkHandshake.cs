using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Noise;
using Kith.Transport.Links;

namespace Kith.Transport.Handshake;

/// <summary>
/// Runs the link handshake, <c>Noise_XX_25519_ChaChaPoly_BLAKE2b</c> (Noise rev. 34 §7.5) with the
/// <see cref="LinkPrologue"/>, over a connected stream, and turns the result into a <see cref="PeerLink"/>. Nothing
/// else is sent or accepted before it finishes. Messages travel behind 16-bit length prefixes (§3); message 1 has an
/// empty payload, messages 2 and 3 carry the sender's <see cref="LinkIdentity"/> (libp2p Noise spec, "The libp2p
/// Handshake Payload"), encrypted under the keys of that message's DH tokens.
/// </summary>
/// <remarks>
/// <para>The dialer knows whom it called: after message 2 it verifies the responder's identity payload against the
/// static key Noise authenticated, then checks that this is the expected static key (when the dialer knows it) or
/// else the expected device identity. Otherwise it hangs up without sending message 3, so its own identity is never
/// revealed to the wrong party (§7.8: XX hides the initiator's identity until then).</para>
/// <para>The listener cannot know who is calling: after message 3 it verifies the dialer's identity payload and asks
/// a <see cref="LinkAuthoriser"/> about the static key and the device it proved.</para>
/// <para>Both sides give up after <see cref="LinkOptions.HandshakeTimeoutMs"/> on the injected clock. On any failure
/// the stream is disposed and the result says why; nothing throws on peer bytes.</para>
/// </remarks>
public static partial class LinkHandshake
{
    /// <summary>
    /// Dials: runs the initiator's side and checks that the peer proved <paramref name="expectedRemoteStatic"/>, or the
    /// identity <paramref name="peer"/> when the static key is not known.
    /// </summary>
    /// <param name="stream">A connected stream; owned by the link on success, disposed on failure.</param>
    /// <param name="kind">How the stream reaches the peer (mixed into the prologue).</param>
    /// <param name="local">This device's static key pair and identity payload; the key stays the caller's.</param>
    /// <param name="peer">The device being dialled; it must prove this identity when <paramref name="expectedRemoteStatic"/> is empty.</param>
    /// <param name="expectedRemoteStatic">That device's X25519 static public key, or empty when only its identity is known (a QR card).</param>
    /// <param name="options">Clock, randomness and timeouts.</param>
    /// <param name="cancellationToken">Abandons the handshake (the result is <see cref="TransportErrors.LocalClose"/>).</param>
    public static async Task<Result<PeerLink>> DialAsync(Stream stream, LinkKind kind, LinkKeys local,
        DeviceId peer, ReadOnlyMemory<byte> expectedRemoteStatic, LinkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.HandshakeTimeoutMs), options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var state = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Initiator, LinkPrologue.For(kind), options.Random, local.Static);
        var io = new HandshakeIo(stream, linked.Token);
        Result<NoiseTransport> result;
        try
        {
            result = await DialStepsAsync(state, io, local.Identity, peer, expectedRemoteStatic).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            result = timeout.IsCancellationRequested ? TransportErrors.HandshakeTimeout : TransportErrors.LocalClose;
        }

        return Finish(result, stream, peer, kind, options);
    }

    /// <summary>Accepts: runs the responder's side and asks <paramref name="authorise"/> who the peer is.</summary>
    /// <param name="stream">A connected stream; owned by the link on success, disposed on failure.</param>
    /// <param name="kind">How the stream reached this device (mixed into the prologue).</param>
    /// <param name="local">This device's static key pair and identity payload; the key stays the caller's.</param>
    /// <param name="authorise">Maps the proven static key and identity to a known device, or refuses.</param>
    /// <param name="options">Clock, randomness and timeouts.</param>
    /// <param name="cancellationToken">Abandons the handshake (the result is <see cref="TransportErrors.LocalClose"/>).</param>
    public static async Task<Result<PeerLink>> AcceptAsync(Stream stream, LinkKind kind, LinkKeys local,
        LinkAuthoriser authorise, LinkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(authorise);
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.HandshakeTimeoutMs), options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var state = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Responder, LinkPrologue.For(kind), options.Random, local.Static);
        var io = new HandshakeIo(stream, linked.Token);
        Result<(NoiseTransport, DeviceId)> result;
        try
        {
            result = await AcceptStepsAsync(state, io, local.Identity).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            result = timeout.IsCancellationRequested ? TransportErrors.HandshakeTimeout : TransportErrors.LocalClose;
        }

        if (!result.TryGet(out (NoiseTransport Transport, DeviceId Identity) accepted, out KithError? error))
        {
            return Finish(error, stream, default, kind, options);
        }

        NoiseTransport transport = accepted.Transport;
        DeviceId? peer = authorise(transport.RemoteStaticPublicKey, accepted.Identity);
        if (peer is null)
        {
            transport.Dispose();
            return Finish(TransportErrors.UnknownPeer, stream, default, kind, options);
        }

        return Finish(transport, stream, peer.Value, kind, options);
    }

    private static async Task<Result<NoiseTransport>> DialStepsAsync(HandshakeState state, HandshakeIo io, LinkIdentity local,
        DeviceId peer, ReadOnlyMemory<byte> expected)
    {
        // -> e
        if (await io.WriteAsync(state.WriteMessage([])).ConfigureAwait(false) is { } sendFailed)
        {
            return sendFailed;
        }

        // <- e, ee, s, es
        Result<byte[]> message2 = await io.ReadAsync().ConfigureAwait(false);
        if (!message2.IsOk)
        {
            return message2.Error;
        }

        Result<HandshakeReadResult> read2 = state.ReadMessage(message2.Value);
        if (!read2.IsOk)
        {
            return TransportErrors.HandshakeFailed;
        }

        // The payload is verified before anything about the responder is trusted, even when its static key was known.
        if (!LinkIdentity.Verify(read2.Value.Payload, state.RemoteStaticPublicKey).TryGet(out DeviceId proven, out KithError? unproven))
        {
            return unproven;
        }

        if (expected.IsEmpty ? proven != peer : !state.RemoteStaticPublicKey.SequenceEqual(expected.Span))
        {
            return TransportErrors.WrongPeer;
        }

        // -> s, se
        Result<HandshakeWriteResult> message3 = state.WriteMessage(local.Encode());
        if (await io.WriteAsync(message3).ConfigureAwait(false) is { } lastFailed)
        {
            if (message3.IsOk)
            {
                message3.Value.Transport?.Dispose();
            }

            return lastFailed;
        }

        return message3.Value.Transport!;
    }

    private static async Task<Result<(NoiseTransport, DeviceId)>> AcceptStepsAsync(HandshakeState state, HandshakeIo io, LinkIdentity local)
    {
        // -> e
        Result<byte[]> message1 = await io.ReadAsync().ConfigureAwait(false);
        if (!message1.IsOk)
        {
            return message1.Error;
        }

        if (!state.ReadMessage(message1.Value).IsOk)
        {
            return TransportErrors.HandshakeFailed;
        }

        // <- e, ee, s, es
        if (await io.WriteAsync(state.WriteMessage(local.Encode())).ConfigureAwait(false) is { } sendFailed)
        {
            return sendFailed;
        }

        // -> s, se
        Result<byte[]> message3 = await io.ReadAsync().ConfigureAwait(false);
        if (!message3.IsOk)
        {
            return message3.Error;
        }

        Result<HandshakeReadResult> read = state.ReadMessage(message3.Value);
        if (!read.IsOk || read.Value.Transport is not { } transport)
        {
            return TransportErrors.HandshakeFailed;
        }

        if (!LinkIdentity.Verify(read.Value.Payload, transport.RemoteStaticPublicKey).TryGet(out DeviceId proven, out KithError? unproven))
        {
            transport.Dispose();
            return unproven;
        }

        return (transport, proven);
    }

    private static Result<PeerLink> Finish(Result<NoiseTransport> result, Stream stream, DeviceId peer, LinkKind kind, LinkOptions options)
    {
        if (!result.TryGet(out NoiseTransport? transport, out KithError? error))
        {
            stream.Dispose();
            return error;
        }

        return new PeerLink(stream, transport, peer, kind, options);
    }
}
