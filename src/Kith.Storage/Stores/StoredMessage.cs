using System.Buffers.Binary;
using System.Security.Cryptography;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;

namespace Kith.Storage.Stores;

/// <summary>
/// The plaintext of a <c>message.message</c> value: <c>event id (32) | author (32) | timestamp (i64 BE) | content</c>.
/// The event id travels inside the value because the row's <c>id</c> column is only a blind index of it; the
/// position stays outside, in a plain column, so the index can order by it and moving a message rewrites no value.
/// </summary>
internal static class StoredMessage
{
    private const int HeaderSize = Id32.Size + Id32.Size + sizeof(long);

    public static byte[] Encode(ShownMessage message)
    {
        byte[] plaintext = new byte[HeaderSize + message.Content.Length];
        message.Id.Span.CopyTo(plaintext);
        message.Author.Span.CopyTo(plaintext.AsSpan(Id32.Size));
        BinaryPrimitives.WriteInt64BigEndian(plaintext.AsSpan(2 * Id32.Size), message.TimestampUnixMs);
        message.Content.Span.CopyTo(plaintext.AsSpan(HeaderSize));
        return plaintext;
    }

    /// <summary>The message in <paramref name="plaintext"/> at <paramref name="position"/>, or <c>null</c> when too short to be one. Zeroes the plaintext.</summary>
    public static ShownMessage? Decode(byte[] plaintext, long position)
    {
        try
        {
            if (plaintext.Length < HeaderSize)
            {
                return null;
            }

            return new ShownMessage(
                EventId.FromBytes(plaintext.AsSpan(0, Id32.Size)),
                DeviceId.FromBytes(plaintext.AsSpan(Id32.Size, Id32.Size)),
                BinaryPrimitives.ReadInt64BigEndian(plaintext.AsSpan(2 * Id32.Size)),
                position,
                plaintext.AsSpan(HeaderSize).ToArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Zeroes an encoded plaintext once it has been encrypted.</summary>
    public static void Clear(byte[] plaintext) => CryptographicOperations.ZeroMemory(plaintext);
}
