using System.Security.Cryptography;

namespace Kith.Crypto;

/// <summary>
/// A secret held in a pinned buffer that is zeroed on <see cref="Dispose"/> and never printed:
/// <see cref="ToString"/> returns <c>[redacted]</c>, so a secret cannot leak through logs, exceptions
/// or string interpolation (PROTOCOL.md, "Secrets").
/// </summary>
/// <remarks>
/// The buffer is pinned so the GC never leaves copies behind when it compacts the heap. Equality is
/// reference equality on purpose: comparing secrets is done with <see cref="FixedTimeEquals"/>.
/// </remarks>
public sealed class SecretBytes : IDisposable
{
    private readonly byte[] _buffer;
    private bool _disposed;

    /// <summary>Allocates a zeroed secret of <paramref name="length"/> bytes, to be filled through <see cref="AsSpan"/>.</summary>
    public SecretBytes(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _buffer = GC.AllocateArray<byte>(length, pinned: true);
    }

    /// <summary>Copies <paramref name="source"/> into a new secret.</summary>
    public static SecretBytes CopyFrom(ReadOnlySpan<byte> source)
    {
        var secret = new SecretBytes(source.Length);
        source.CopyTo(secret._buffer);
        return secret;
    }

    /// <summary>Fills a new secret of <paramref name="length"/> bytes from <paramref name="random"/>.</summary>
    public static SecretBytes Random(int length, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var secret = new SecretBytes(length);
        random.Fill(secret._buffer);
        return secret;
    }

    /// <summary>Length in bytes.</summary>
    public int Length => _buffer.Length;

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The secret's bytes; throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    public Span<byte> AsSpan()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _buffer;
    }

    /// <summary>The secret's bytes, read-only.</summary>
    public ReadOnlySpan<byte> Span => AsSpan();

    /// <summary>A new secret with the same bytes (the copy must be disposed too).</summary>
    public SecretBytes Clone() => CopyFrom(Span);

    /// <summary>Constant-time comparison (libsodium's <c>sodium_memcmp</c> semantics via .NET).</summary>
    public bool FixedTimeEquals(ReadOnlySpan<byte> other) =>
        CryptographicOperations.FixedTimeEquals(Span, other);

    /// <summary>Zeroes the buffer.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_buffer);
            _disposed = true;
        }
    }

    /// <summary>Always <c>[redacted]</c>.</summary>
    public override string ToString() => Redacted.Text;
}

/// <summary>The one text every secret-holding type prints.</summary>
public static class Redacted
{
    /// <summary><c>[redacted]</c>.</summary>
    public const string Text = "[redacted]";
}
