namespace Kith.Transport.Framing;

/// <summary>
/// The exceptions a stream throws when its connection is gone: a reset or closed socket (<see cref="IOException"/>,
/// <see cref="EndOfStreamException"/>), a stream disposed by a concurrent close (<see cref="ObjectDisposedException"/>),
/// or a pipe-backed stream whose other end completed (<see cref="InvalidOperationException"/>). Each means "the link is
/// closed", never a bug in the peer's bytes, so the link layer turns them into <see cref="TransportErrors.Closed"/>.
/// </summary>
internal static class StreamFailure
{
    /// <summary>Whether <paramref name="e"/> only says the connection is gone.</summary>
    public static bool IsClosed(Exception e) =>
        e is IOException or ObjectDisposedException or InvalidOperationException;
}
