using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Kith.Protocol.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>
/// A fixed-seed conversation whose every message is committed in <c>Vectors/ratchet-transcript.json</c>:
/// any change to the wire format, the KDFs, the ciphers or the stored state shows up as a byte
/// difference. After an intended change, regenerate the file with
/// <c>KITH_REGENERATE_VECTORS=1 dotnet test --project tests/Kith.Protocol.Tests -- --filter-class "*RatchetGoldenTranscriptTests"</c>
/// and commit it together with a new format version where old bytes can no longer be read.
/// </summary>
public class RatchetGoldenTranscriptTests
{
    private const ulong Seed = 2025_04;
    private const string FileName = "ratchet-transcript.json";

    // "A>x": Alice sends x; "B<x": Bob receives x. Out of order, across chains, with four DH ratchet steps.
    private static readonly string[] Script =
    [
        "A>a0", "A>a1", "A>a2", "B<a1", "B<a0", "B>b0", "B>b1", "A<b1", "A>a3", "A>a4",
        "B<a4", "B<a2", "B>b2", "A<b0", "A<b2", "B<a3", "A>a5", "B<a5", "B>b3", "A<b3",
        "A>a6", "B<a6",
    ];

    private static readonly Lazy<string> Committed = new(ReadCommitted);

    [Fact]
    public void The_committed_transcript_is_regenerated_byte_for_byte()
    {
        string generated = Generate();
        string committed = Committed.Value.ReplaceLineEndings("\n");
        string[] expected = committed.Split('\n');
        string[] actual = generated.Split('\n');
        for (int line = 0; line < Math.Min(expected.Length, actual.Length); line++)
        {
            Assert.True(expected[line] == actual[line], $"line {line + 1} differs:\n  committed: {expected[line]}\n  generated: {actual[line]}");
        }

        Assert.Equal(expected.Length, actual.Length);
    }

    [Fact]
    public void The_committed_messages_decrypt_in_script_order()
    {
        using JsonDocument document = JsonDocument.Parse(Committed.Value);
        var messages = new Dictionary<string, (string Plaintext, byte[] Bytes)>();
        foreach (JsonElement m in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            messages[m.GetProperty("label").GetString()!] = (m.GetProperty("plaintext").GetString()!, Convert.FromHexString(m.GetProperty("message").GetString()!));
        }

        using var pair = RatchetPair.Create(Seed);
        foreach (string step in Script)
        {
            RatchetSession actor = step[0] == 'A' ? pair.Alice : pair.Bob;
            string label = step[2..];
            if (step[1] == '>')
            {
                actor.Encrypt(Plaintext(label), pair.Random);
            }
            else
            {
                Assert.Equal(messages[label].Plaintext, RatchetPair.Open(actor, messages[label].Bytes));
                Assert.False(actor.Decrypt(messages[label].Bytes).IsOk);
            }
        }

        Assert.Equal(0, pair.Alice.SkippedKeyCount);
        Assert.Equal(0, pair.Bob.SkippedKeyCount);
    }

    private static string Generate()
    {
        using var pair = RatchetPair.Create(Seed);
        var sent = new Dictionary<string, byte[]>();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("description", "Kith Double Ratchet with header encryption, format version 1; see RatchetGoldenTranscriptTests.");
            json.WriteNumber("seed", Seed);
            json.WriteString("sharedSecret", Convert.ToHexStringLower(pair.SharedSecret));
            json.WriteString("associatedData", Convert.ToHexStringLower(pair.AssociatedData));
            json.WriteString("responderRatchetPrivateKey", Convert.ToHexStringLower(pair.ResponderPrivateKey));
            json.WriteStartArray("script");
            foreach (string step in Script)
            {
                json.WriteStringValue(step);
            }

            json.WriteEndArray();
            json.WriteStartArray("messages");
            foreach (string step in Script)
            {
                RatchetSession actor = step[0] == 'A' ? pair.Alice : pair.Bob;
                string label = step[2..];
                if (step[1] == '>')
                {
                    byte[] message = actor.Encrypt(Plaintext(label), pair.Random);
                    sent[label] = message;
                    json.WriteStartObject();
                    json.WriteString("label", label);
                    json.WriteString("plaintext", Encoding.UTF8.GetString(Plaintext(label)));
                    json.WriteString("message", Convert.ToHexStringLower(message));
                    json.WriteEndObject();
                }
                else
                {
                    RatchetPair.Open(actor, sent[label]);
                }
            }

            json.WriteEndArray();
            json.WriteString("finalAliceState", Convert.ToHexStringLower(pair.Alice.Serialize()));
            json.WriteString("finalBobState", Convert.ToHexStringLower(pair.Bob.Serialize()));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static byte[] Plaintext(string label) =>
        Encoding.UTF8.GetBytes($"message {label}{new string('.', 3 * int.Parse(label[1..], System.Globalization.CultureInfo.InvariantCulture))}");

    /// <summary>The committed file; with KITH_REGENERATE_VECTORS=1 it is first rewritten in the source tree.</summary>
    private static string ReadCommitted()
    {
        if (Environment.GetEnvironmentVariable("KITH_REGENERATE_VECTORS") == "1")
        {
            string source = Path.Combine(SourceDirectory(), "Vectors", FileName);
            File.WriteAllText(source, Generate());
            return File.ReadAllText(source);
        }

        return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ratchet", "Vectors", FileName));
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
