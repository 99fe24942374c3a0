using System.Text;
using Kith.Primitives;
using Kith.Protocol.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>
/// Two parties and a network that drops, duplicates and reorders, driven by a list of actions, with
/// the exactly-once expectations checked at every delivery.
/// </summary>
/// <remarks>
/// With <c>durable</c> set, each party also has Kith's commit discipline: state and outgoing messages
/// are committed in one transaction (<see cref="Action.Snapshot"/>), so a message leaves only when its
/// sender commits, and a crash (<see cref="Action.Restore"/>) returns to the last commit, loses what was
/// sent since, and gets back what was received since (its senders resend until acknowledged, and
/// acknowledgements follow commits).
/// </remarks>
internal sealed class RatchetSimulation : IDisposable
{
    public enum Action
    {
        SendAlice = 0,
        SendBob = 1,
        Deliver = 2,
        Drop = 3,
        Duplicate = 4,
        Shuffle = 5,
        Snapshot = 6,
        Restore = 7,
    }

    private readonly RatchetPair _pair;
    private readonly bool _durable;
    private readonly List<Packet> _network = [];
    private readonly Party _alice;
    private readonly Party _bob;
    private readonly StringBuilder _log = new();
    private int _nextId;

    public RatchetSimulation(ulong seed, bool durable)
    {
        _pair = RatchetPair.Create(seed);
        _durable = durable;
        _alice = new Party("Alice", _pair.Alice);
        _bob = new Party("Bob", _pair.Bob);
        _alice.Commit();
        _bob.Commit();
    }

    /// <summary>What happened, for failure messages.</summary>
    public string Log => _log.ToString();

    public void Run(IEnumerable<(Action Action, int Pick)> actions)
    {
        foreach ((Action action, int pick) in actions)
        {
            Step(action, pick);
        }
    }

    public void Step(Action action, int pick)
    {
        Party party = pick % 2 == 0 ? _alice : _bob;
        switch (action)
        {
            case Action.SendAlice:
                Send(_alice);
                break;
            case Action.SendBob:
                Send(_bob);
                break;
            case Action.Deliver when _network.Count > 0:
                Packet packet = _network[pick % _network.Count];
                _network.RemoveAt(pick % _network.Count);
                Deliver(packet);
                break;
            case Action.Drop when _network.Count > 0:
                _log.Append($"drop #{_network[pick % _network.Count].Id}\n");
                _network.RemoveAt(pick % _network.Count);
                break;
            case Action.Duplicate when _network.Count > 0:
                _log.Append($"duplicate #{_network[pick % _network.Count].Id}\n");
                _network.Add(_network[pick % _network.Count]);
                break;
            case Action.Shuffle when _network.Count > 1:
                _log.Append("shuffle\n");
                var rng = new Random(pick);
                Packet[] shuffled = [.. _network];
                rng.Shuffle(shuffled);
                _network.Clear();
                _network.AddRange(shuffled);
                break;
            case Action.Snapshot when _durable:
                _log.Append($"{party.Name} commits\n");
                _network.AddRange(party.Commit());
                break;
            case Action.Restore when _durable:
                _log.Append($"{party.Name} crashes back to its last commit\n");
                _network.AddRange(party.Restore());
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Lets the network quiesce (both commit, every message in flight is delivered), then checks that
    /// the parties converged: each side's new message is read by the other, twice around.
    /// </summary>
    public void QuiesceAndCheckConvergence()
    {
        _log.Append("quiesce\n");
        Flush();
        for (int round = 0; round < 2; round++)
        {
            foreach (Party sender in new[] { _alice, _bob })
            {
                Party receiver = sender == _alice ? _bob : _alice;
                if (!sender.Session.CanEncrypt)
                {
                    continue;
                }

                Packet packet = Send(sender);
                Flush();
                Assert.True(receiver.Decrypted.Contains(packet.Id), $"{receiver.Name} did not read #{packet.Id} after quiescence\n{Log}");
            }
        }

        Assert.True(_alice.Session.CanEncrypt && _bob.Session.CanEncrypt);
    }

    public void Dispose() => _pair.Dispose();

    private void Flush()
    {
        _network.AddRange(_alice.Commit());
        _network.AddRange(_bob.Commit());
        while (_network.Count > 0)
        {
            Packet packet = _network[0];
            _network.RemoveAt(0);
            Deliver(packet);
        }
    }

    private Packet Send(Party sender)
    {
        if (!sender.Session.CanEncrypt)
        {
            return null!;
        }

        int id = _nextId++;
        string text = $"#{id} from {sender.Name}";
        byte[] bytes = sender.Session.Encrypt(Encoding.UTF8.GetBytes(text), _pair.Random);
        var packet = new Packet(id, sender, sender.NoteSent(), bytes, text);
        _log.Append($"{sender.Name} sends #{id} in chain {packet.Chain}\n");
        if (_durable)
        {
            sender.Unreleased.Add(packet);
        }
        else
        {
            _network.Add(packet);
        }

        return packet;
    }

    private void Deliver(Packet packet)
    {
        Party receiver = packet.From == _alice ? _bob : _alice;
        var result = receiver.Session.Decrypt(packet.Bytes);
        _log.Append($"{receiver.Name} gets #{packet.Id}: {(result.IsOk ? "ok" : result.Error!.Code)}\n");
        Assert.InRange(receiver.Session.SkippedKeyCount, 0, Limits.RatchetMaxSkippedMessageKeys);
        Assert.InRange(receiver.Session.State.Skipped.Chains.Count, 0, Limits.RatchetMaxSkippedChains);
        if (receiver.Decrypted.Contains(packet.Id))
        {
            Assert.False(result.IsOk, $"{receiver.Name} decrypted #{packet.Id} twice\n{Log}");
            return;
        }

        if (result.IsOk)
        {
            Assert.Equal(packet.Plaintext, Encoding.UTF8.GetString(result.Value));
            receiver.Decrypted.Add(packet.Id);
            receiver.ReceivedSinceCommit.Add(packet);
            receiver.MaxChainSeen = Math.Max(receiver.MaxChainSeen, packet.Chain);
            return;
        }

        // A fresh message may be unreadable only when its chain's skipped keys were evicted, which
        // takes RatchetMaxSkippedChains newer chains.
        Assert.True(receiver.MaxChainSeen - packet.Chain >= Limits.RatchetMaxSkippedChains,
            $"{receiver.Name} could not read fresh #{packet.Id} ({result.Error!.Code})\n{Log}");
    }

    private sealed record Packet(int Id, Party From, int Chain, byte[] Bytes, string Plaintext);

    private sealed class Party(string name, RatchetSession session)
    {
        private byte[] _committed = [];
        private HashSet<int> _committedDecrypted = [];
        private int _committedMaxChainSeen;
        private int _committedChain;
        private byte[] _committedPublicKey = [];
        private byte[] _publicKey = [];

        public string Name { get; } = name;

        public RatchetSession Session { get; private set; } = session;

        public List<Packet> Unreleased { get; } = [];

        public List<Packet> ReceivedSinceCommit { get; } = [];

        public HashSet<int> Decrypted { get; private set; } = [];

        public int MaxChainSeen { get; set; }

        public int Chain { get; private set; }

        /// <summary>Counts the sender's DH ratchet steps: its chain index for the message just sent.</summary>
        public int NoteSent()
        {
            byte[] current = Session.State.SendingRatchetPublicKey.ToArray();
            if (!current.AsSpan().SequenceEqual(_publicKey))
            {
                Chain++;
                _publicKey = current;
            }

            return Chain;
        }

        public List<Packet> Commit()
        {
            _committed = Session.Serialize();
            _committedDecrypted = [.. Decrypted];
            _committedMaxChainSeen = MaxChainSeen;
            _committedChain = Chain;
            _committedPublicKey = _publicKey;
            ReceivedSinceCommit.Clear();
            List<Packet> released = [.. Unreleased];
            Unreleased.Clear();
            return released;
        }

        public List<Packet> Restore()
        {
            Session.Dispose();
            Session = RatchetSession.Deserialize(_committed).Value;
            Decrypted = [.. _committedDecrypted];
            MaxChainSeen = _committedMaxChainSeen;
            Chain = _committedChain;
            _publicKey = _committedPublicKey;
            Unreleased.Clear();
            List<Packet> resent = [.. ReceivedSinceCommit];
            ReceivedSinceCommit.Clear();
            return resent;
        }
    }
}
