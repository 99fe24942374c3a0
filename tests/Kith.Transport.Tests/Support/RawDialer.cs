using System.Buffers.Binary;
using Kith.Crypto;
using Kith.Protocol.Noise;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Tor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Support;

/// <summary>
/// A dialer driven by hand: runs an honest handshake, then lets the test put any bytes on the wire (tampered
/// messages, bad chunk headers, endless chunks) to see what the accepting <see cref="PeerLink"/> does.
/// </summary>
public sealed class RawDialer : IAsyncDisposable
{
    private RawDialer(Stream stream, NoiseTransport transport)
    {
        Stream = stream;
        Transport = transport;
    }

    public Stream Stream { get; }

    public NoiseTransport Transport { get; }

    public static async Task<(RawDialer Raw, PeerLink Accepted)> ConnectAsync(
        TestPeer me, TestPeer listener, FakeTimeProvider time, LinkKind kind = LinkKind.Onion)
    {
        var (a, b) = DuplexStream.CreatePair();
        var accept = LinkHandshake.AcceptAsync(b, kind, listener.Keys, Peers.Knows(me), Peers.Options(time, 2), CancellationToken.None);
        NoiseTransport transport = await DialWithPayloadAsync(a, me, me.Keys.Identity.Encode(), kind);
        var accepted = await accept.WaitAsync(Peers.Patience);
        return (new RawDialer(a, transport), accepted.Value);
    }

    /// <summary>Runs the dialer's side by hand with <paramref name="payload"/> in message 3 (honest or forged).</summary>
    public static async Task<NoiseTransport> DialWithPayloadAsync(Stream stream, TestPeer me, byte[] payload, LinkKind kind = LinkKind.Onion)
    {
        using var state = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Initiator, LinkPrologue.For(kind), new SeededRandomSource(9), me.Static);
        await WriteAsync(stream, state.WriteMessage([]).Value.Message);
        Assert.True(state.ReadMessage(await ReadAsync(stream)).IsOk);
        var last = state.WriteMessage(payload).Value;
        await WriteAsync(stream, last.Message);
        return last.Transport!;
    }

    /// <summary>Runs the listener's side by hand with <paramref name="payload"/> in message 2, then waits for message 3.</summary>
    public static async Task AnswerWithPayloadAsync(Stream stream, TestPeer me, byte[] payload, LinkKind kind = LinkKind.Onion)
    {
        using var state = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Responder, LinkPrologue.For(kind), new SeededRandomSource(8), me.Static);
        Assert.True(state.ReadMessage(await ReadAsync(stream)).IsOk);
        await WriteAsync(stream, state.WriteMessage(payload).Value.Message);
    }

    /// <summary>Encrypts <paramref name="chunk"/> (header byte included) as the next transport message.</summary>
    public byte[] Seal(byte[] chunk) => Transport.Encrypt(chunk).Value;

    /// <summary>Sends one message with its length prefix.</summary>
    public Task SendMessageAsync(byte[] message) => WriteAsync(Stream, message);

    public async Task SendRawAsync(byte[] bytes)
    {
        await Stream.WriteAsync(bytes);
        await Stream.FlushAsync();
    }

    public static async Task WriteAsync(Stream stream, byte[] message)
    {
        var prefix = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)message.Length);
        await stream.WriteAsync(prefix);
        await stream.WriteAsync(message);
        await stream.FlushAsync();
    }

    public static async Task<byte[]> ReadAsync(Stream stream)
    {
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix).AsTask().WaitAsync(Peers.Patience);
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(message).AsTask().WaitAsync(Peers.Patience);
        return message;
    }

    public ValueTask DisposeAsync()
    {
        Transport.Dispose();
        return Stream.DisposeAsync();
    }
}
