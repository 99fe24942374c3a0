using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Protocol.Pqxdh;
using Kith.Wire;
using Kith.Wire.Pqxdh;

namespace Kith.Protocol.Tests.Pqxdh;

public class PqxdhInitialMessageTests
{
    private static readonly byte[] Payload = "first ratchet message"u8.ToArray();

    [Theory]
    [InlineData(true, 1742)]
    [InlineData(false, 1738)]
    public void Messages_round_trip_with_the_documented_sizes(bool oneTime, int headerSize)
    {
        using var alice = TestDevice.Create(80);
        using var bob = TestDevice.Create(81);
        using PqxdhInitiation initiation = PqxdhResponderTests.Initiate(alice, bob.Bundle(oneTime), 82);
        byte[] bytes = initiation.CreateMessage(Payload).ToBytes();

        PqxdhInitialMessage decoded = PqxdhInitialMessage.Decode(bytes).Value;

        Assert.Equal(headerSize, initiation.Header.EncodedSize);
        Assert.Equal(headerSize + 4 + Payload.Length, bytes.Length);
        Assert.Equal(bytes, decoded.ToBytes());
        Assert.Equal(Payload, decoded.Payload);
        Assert.Equal(initiation.Header.OneTimePrekeyId, decoded.Header.OneTimePrekeyId);
        using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, decoded.Header).Value;
        Assert.True(response.SharedKey.FixedTimeEquals(initiation.SharedKey.Span));
    }

    /// <summary>
    /// Flips every bit of every header field before the ML-KEM ciphertext, and in the ciphertext one bit of
    /// every third byte (all eight positions in turn): each such flip costs a full decapsulation, and ML-KEM's
    /// implicit rejection treats every ciphertext byte alike. Set <c>KITH_PQXDH_EXHAUSTIVE=1</c> to flip every
    /// ciphertext bit too (about a minute).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_single_bit_flip_of_the_header_is_an_error_or_a_different_key_and_changes_no_state(bool oneTime)
    {
        using var alice = TestDevice.Create(83);
        using var bob = TestDevice.Create(84);
        using PqxdhInitiation initiation = PqxdhResponderTests.Initiate(alice, bob.Bundle(oneTime), 85);
        byte[] bytes = initiation.CreateMessage(Payload).ToBytes();
        string state = bob.StateFingerprint();
        int ciphertextStart = initiation.Header.EncodedSize - MlKem1024.CiphertextSize;
        bool exhaustive = Environment.GetEnvironmentVariable("KITH_PQXDH_EXHAUSTIVE") == "1";
        int decodeErrors = 0, respondErrors = 0, otherKeys = 0, ciphertextFlips = 0;

        for (int bit = 0; bit < initiation.Header.EncodedSize * 8; bit++)
        {
            int index = bit / 8;
            bool inCiphertext = index >= ciphertextStart;
            if (inCiphertext && !exhaustive && ((index - ciphertextStart) % 3 != 0 || bit % 8 != (index - ciphertextStart) / 3 % 8))
            {
                continue;
            }

            ciphertextFlips += inCiphertext ? 1 : 0;
            byte[] tampered = (byte[])bytes.Clone();
            tampered[index] ^= (byte)(1 << (bit % 8));
            Result<PqxdhInitialMessage> decoded = PqxdhInitialMessage.Decode(tampered);
            if (!decoded.IsOk)
            {
                decodeErrors++;
                continue;
            }

            Result<PqxdhResponse> response = PqxdhResponder.Respond(bob.Secrets, decoded.Value.Header);
            if (!response.IsOk)
            {
                respondErrors++;
                continue;
            }

            using PqxdhResponse r = response.Value;
            Assert.False(r.SharedKey.FixedTimeEquals(initiation.SharedKey.Span) && r.AssociatedData.AsSpan().SequenceEqual(initiation.AssociatedData),
                $"bit {bit} derived the same SK and AD");
            otherKeys++;
        }

        Assert.Equal(state, bob.StateFingerprint());
        // The ciphertext flips (implicit rejection) and EK_A flips change the key; the other fields are rejected.
        Assert.True(otherKeys >= ciphertextFlips + 200, $"{otherKeys} flips derived another key, {ciphertextFlips} in the ciphertext");
        Assert.True(decodeErrors > 0 && respondErrors > 0, $"decode errors {decodeErrors}, respond errors {respondErrors}");
    }

    [Fact]
    public void Every_truncation_is_an_error()
    {
        using var alice = TestDevice.Create(86);
        using var bob = TestDevice.Create(87);
        using PqxdhInitiation initiation = PqxdhResponderTests.Initiate(alice, bob.Bundle(), 88);
        byte[] bytes = initiation.CreateMessage(Payload).ToBytes();

        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(WireErrors.Truncated, PqxdhInitialMessage.Decode(bytes.AsSpan(0, length)).Error);
        }

        Assert.Equal(WireErrors.TrailingBytes, PqxdhInitialMessage.Decode([.. bytes, 0]).Error);
    }

    [Fact]
    public void Unknown_versions_bad_flags_and_oversized_payloads_are_refused()
    {
        using var alice = TestDevice.Create(89);
        using var bob = TestDevice.Create(90);
        using PqxdhInitiation initiation = PqxdhResponderTests.Initiate(alice, bob.Bundle(oneTime: false), 91);
        byte[] bytes = initiation.CreateMessage(Payload).ToBytes();
        int flag = PqxdhInitialHeader.SizeWithoutOneTimePrekey - MlKem1024.CiphertextSize - 1;

        byte[] version = (byte[])bytes.Clone();
        version[0] = 2;
        byte[] badFlag = (byte[])bytes.Clone();
        badFlag[flag] = 2;
        var oversized = new WireWriter();
        initiation.Header.Encode(oversized);
        oversized.U32(Limits.MaxPqxdhInitialPayload + 1).Bytes(new byte[Limits.MaxPqxdhInitialPayload + 1]);

        Assert.Equal(WireErrors.UnknownVersion, PqxdhInitialMessage.Decode(version).Error);
        Assert.Equal(WireErrors.Malformed, PqxdhInitialMessage.Decode(badFlag).Error);
        Assert.Equal(WireErrors.Oversized, PqxdhInitialMessage.Decode(oversized.ToArray()).Error);
        Assert.Throws<ArgumentOutOfRangeException>(() => initiation.CreateMessage(new byte[Limits.MaxPqxdhInitialPayload + 1]));
    }

    [Theory]
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false)] // p
    [InlineData("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false)] // p + 1
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", true)] // p - 1
    [InlineData("edfffffffffffffffffffffffffffffffffffffffffffffffffffffffffeff7f", true)] // below p
    [InlineData("0900000000000000000000000000000000000000000000000000000000000080", false)] // bit 255 set
    public void Only_canonical_X25519_encodings_are_accepted_for_the_ephemeral_and_identity_keys(string key, bool accepted)
    {
        using var alice = TestDevice.Create(92);
        using var bob = TestDevice.Create(93);
        using PqxdhInitiation initiation = PqxdhResponderTests.Initiate(alice, bob.Bundle(), 94);
        byte[] bytes = initiation.CreateMessage(Payload).ToBytes();
        byte[] value = Convert.FromHexString(key);
        const int identityOffset = 1 + 32, ephemeralOffset = identityOffset + 32 + 64;

        foreach (int offset in new[] { identityOffset, ephemeralOffset })
        {
            byte[] changed = (byte[])bytes.Clone();
            value.CopyTo(changed, offset);
            Result<PqxdhInitialMessage> decoded = PqxdhInitialMessage.Decode(changed);
            Assert.Equal(accepted, decoded.IsOk);
            Assert.Equal(accepted ? null : WireErrors.Malformed, decoded.Error);
        }
    }

    [Fact]
    public void Random_and_mutated_input_never_throws()
    {
        using var alice = TestDevice.Create(95);
        using var bob = TestDevice.Create(96);
        using PqxdhInitiation initiation = PqxdhResponderTests.Initiate(alice, bob.Bundle(), 97);
        byte[] valid = initiation.CreateMessage(Payload).ToBytes();
        const ulong seed = 98;
        var random = new SeededRandomSource(seed);

        for (int i = 0; i < 3000; i++)
        {
            byte[] input;
            if (i % 2 == 0)
            {
                input = new byte[random.NextInt(valid.Length + 64)];
                random.Fill(input);
                if (i % 4 == 0 && input.Length > 0)
                {
                    input[0] = PqxdhInitialHeader.Version;
                }
            }
            else
            {
                input = valid[..random.NextInt(valid.Length + 1)];
                for (int m = random.NextInt(8); m >= 0 && input.Length > 0; m--)
                {
                    input[random.NextInt(input.Length)] = (byte)random.NextInt(256);
                }
            }

            try
            {
                Result<PqxdhInitialMessage> decoded = PqxdhInitialMessage.Decode(input);
                if (decoded.IsOk)
                {
                    Result<PqxdhResponse> response = PqxdhResponder.Respond(bob.Secrets, decoded.Value.Header);
                    if (response.IsOk)
                    {
                        response.Value.Dispose();
                    }
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, iteration {i}: {e.GetType().Name}");
            }
        }
    }
}
