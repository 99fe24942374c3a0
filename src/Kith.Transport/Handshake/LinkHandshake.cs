using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Noise;
using Kith.Transport.Links;

namespace Kith.Transport.Handshake;

/// <summary>
/// Runs the link handshake, <c>Noise_XX_25519_ChaChaPoly_BLAKE2b</c> (Noise rev. 34 §7.5) with the
/// <see cref="LinkPrologue"/>, over a connected stream, and turns the result into a <see cref="PeerLink"/>. Nothing
/// else is sent or accepted before it finishes. Messages carry empty payloads and travel behind 16-bit length
/// prefixes (§3).
/// </summary>
/// <remarks>
/// <para>The dialer knows whom it called: it checks the responder's static key after message 2 and, if it is not the
/// expected one, hangs up without sending message 3, so its own identity is never revealed to the wrong party
/// (§7.8: XX hides the initiator's identity until then).</para>
/// <para>The listener cannot know who is calling: after message 3 it asks a <see cref="LinkAuthoriser"/>.</para>
/// <para>Both sides give up after <see cref="LinkOptions.HandshakeTimeoutMs"/> on the injected clock. On any failure
/// the stream is disposed and the result says why; nothing throws on peer bytes.</para>
/// </remarks>
public static partial class LinkHandshake
{
    /// <summary>Dials: runs the initiator's side and checks that the peer is <paramref name="expectedRemoteStatic"/>.</summary>
    /// <param name="stream">A connected stream; owned by the link on success, disposed on failure.</param>
    /// <param name="kind">How the stream reaches the peer (mixed into the prologue).</param>
    /// <param name="localStatic">This device's X25519 static key pair; stays the caller's.</param>
    /// <param name="peer">The device being dialled.</param>
    /// <param name="expectedRemoteStatic">That device's X25519 static public key.</param>
    /// <param name="options">Clock, randomness and timeouts.</param>
    /// <param name="cancellationToken">Abandons the handshake (the result is <see cref="TransportErrors.LocalClose"/>).</param>
    public static async Task<Result<PeerLink>> DialAsync(Stream stream, LinkKind kind, X25519KeyPair localStatic,
        DeviceId peer, ReadOnlyMemory<byte> expectedRemoteStatic, LinkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(localStatic);
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.HandshakeTimeoutMs), options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var state = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Initiator, LinkPrologue.For(kind), options.Random, localStatic);
        var io = new HandshakeIo(stream, linked.Token);
        Result<NoiseTransport> result;
        try
        {
            result = await DialStepsAsync(state, io, expectedRemoteStatic).ConfigureAwait(false);
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
    /// <param name="localStatic">This device's X25519 static key pair; stays the caller's.</param>
    /// <param name="authorise">Maps the proven static key to a known device, or refuses.</param>
    /// <param name="options">Clock, randomness and timeouts.</param>
    /// <param name="cancellationToken">Abandons the handshake (the result is <see cref="TransportErrors.LocalClose"/>).</param>
    public static async Task<Result<PeerLink>> AcceptAsync(Stream stream, LinkKind kind, X25519KeyPair localStatic,
        LinkAuthoriser authorise, LinkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(localStatic);
        ArgumentNullException.ThrowIfNull(authorise);
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.HandshakeTimeoutMs), options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var state = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Responder, LinkPrologue.For(kind), options.Random, localStatic);
        var io = new HandshakeIo(stream, linked.Token);
        Result<NoiseTransport> result;
        try
        {
            result = await AcceptStepsAsync(state, io).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            result = timeout.IsCancellationRequested ? TransportErrors.HandshakeTimeout : TransportErrors.LocalClose;
        }

        if (!result.TryGet(out NoiseTransport? transport, out KithError? error))
        {
            return Finish(error, stream, default, kind, options);
        }

        DeviceId? peer = authorise(transport.RemoteStaticPublicKey);
        if (peer is null)
        {
            transport.Dispose();
            return Finish(TransportErrors.UnknownPeer, stream, default, kind, options);
        }

        return Finish(transport, stream, peer.Value, kind, options);
    }

    private static async Task<Result<NoiseTransport>> DialStepsAsync(HandshakeState state, HandshakeIo io, ReadOnlyMemory<byte> expected)
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

        if (!state.ReadMessage(message2.Value).IsOk)
        {
            return TransportErrors.HandshakeFailed;
        }

        if (!state.RemoteStaticPublicKey.SequenceEqual(expected.Span))
        {
            return TransportErrors.WrongPeer;
        }

        // -> s, se
        Result<HandshakeWriteResult> message3 = state.WriteMessage([]);
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

    private static async Task<Result<NoiseTransport>> AcceptStepsAsync(HandshakeState state, HandshakeIo io)
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
        if (await io.WriteAsync(state.WriteMessage([])).ConfigureAwait(false) is { } sendFailed)
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
        return read.IsOk && read.Value.IsComplete ? read.Value.Transport : TransportErrors.HandshakeFailed;
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
