using System.Text;

namespace Kith.Tor.Tests.Support;

/// <summary>Plays tor's side of a control or SOCKS connection over in-memory pipes (Wasabi-style).</summary>
public sealed class FakeTor : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly DuplexStream _tor;

    public FakeTor()
    {
        (ClientStream, _tor) = DuplexStream.CreatePair();
    }

    /// <summary>The end given to the client under test.</summary>
    public DuplexStream ClientStream { get; }

    /// <summary>Reads one command line the client sent; fails if it does not end with CRLF.</summary>
    public async Task<string> ReadLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var read = await _tor.ReadAsync(one).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("The client closed the connection.");
            }

            bytes.Add(one[0]);
            if (one[0] == '\n')
            {
                Assert.True(bytes.Count >= 2 && bytes[^2] == '\r', "Commands end with CRLF.");
                return Encoding.UTF8.GetString(bytes.ToArray(), 0, bytes.Count - 2);
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes the client sent.</summary>
    public async Task<byte[]> ReadBytesAsync(int count)
    {
        var buffer = new byte[count];
        await _tor.ReadExactlyAsync(buffer).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
        return buffer;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _tor.WriteAsync(bytes);
        await _tor.FlushAsync();
    }

    /// <summary>Expects <paramref name="command"/> and answers with <paramref name="reply"/>.</summary>
    public async Task ExpectAsync(string command, string reply)
    {
        Assert.Equal(command, await ReadLineAsync());
        await SendAsync(reply);
    }

    /// <summary>Tor hangs up.</summary>
    public void Close() => _tor.Dispose();

    public ValueTask DisposeAsync()
    {
        _tor.Dispose();
        return ValueTask.CompletedTask;
    }
}
