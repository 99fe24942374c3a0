// Signal's own library (libsignal-client, the Rust core behind Signal's apps, here through its Node
// bridge) measured on the same machine and in the same run as Kith's ratchet: PQXDH session setup with a
// Kyber prekey, then 100-byte messages one way and ping-pong.
//
// Usage: node libsignal-bench.mjs [--rounds N] [--round-ms N] [--warmup-ms N]
// Prints "BENCH <name> <value> <unit>" lines; bench/Kith.Bench parses them.

import * as Signal from '@signalapp/libsignal-client';
import { InMemoryParty } from './in-memory-stores.mjs';
import { bench, measureBatch, measureEach, parseOptions } from './measure.mjs';

const MessageSize = 100;
const PreKeyId = 1;
const SignedPreKeyId = 2;
const KyberPreKeyId = 3;

let nextRegistrationId = 1;

/** Alice, and Bob with a published prekey bundle (EC one-time prekey, signed prekey, Kyber prekey). */
function preparePair() {
  const alice = new InMemoryParty('alice', 1, nextRegistrationId++);
  const bob = new InMemoryParty('bob', 1, nextRegistrationId++);
  const bobKey = bob.identity.privateKey;

  const preKey = Signal.PrivateKey.generate();
  const signedPreKey = Signal.PrivateKey.generate();
  const signedPreKeySignature = bobKey.sign(signedPreKey.getPublicKey().serialize());
  const kyber = Signal.KEMKeyPair.generate();
  const kyberSignature = bobKey.sign(kyber.getPublicKey().serialize());
  const now = Date.now();

  bob.preKeys.savePreKey(PreKeyId, Signal.PreKeyRecord.new(PreKeyId, preKey.getPublicKey(), preKey));
  bob.signedPreKeys.saveSignedPreKey(SignedPreKeyId, Signal.SignedPreKeyRecord.new(
    SignedPreKeyId, now, signedPreKey.getPublicKey(), signedPreKey, signedPreKeySignature));
  bob.kyberPreKeys.saveKyberPreKey(KyberPreKeyId, Signal.KyberPreKeyRecord.new(
    KyberPreKeyId, now, kyber, kyberSignature));

  const bundle = Signal.PreKeyBundle.new(
    bob.registrationId, 1,
    PreKeyId, preKey.getPublicKey(),
    SignedPreKeyId, signedPreKey.getPublicKey(), signedPreKeySignature,
    bob.identity.publicKey,
    KyberPreKeyId, kyber.getPublicKey(), kyberSignature);
  return { alice, bob, bundle };
}

async function encrypt(from, to, plaintext) {
  return Signal.signalEncrypt(plaintext, to.address, from.address, from.sessions, from.identities);
}

async function decrypt(at, from, ciphertext) {
  const bytes = ciphertext.serialize();
  switch (ciphertext.type()) {
    case Signal.CiphertextMessageType.Whisper:
      return Signal.signalDecrypt(Signal.SignalMessage.deserialize(bytes), from.address, at.address,
        at.sessions, at.identities);
    case Signal.CiphertextMessageType.PreKey:
      return Signal.signalDecryptPreKey(Signal.PreKeySignalMessage.deserialize(bytes), from.address,
        at.address, at.sessions, at.identities, at.preKeys, at.signedPreKeys, at.kyberPreKeys);
    default:
      throw new Error(`unexpected message type ${ciphertext.type()}`);
  }
}

function check(plaintext, decrypted) {
  if (decrypted.length !== plaintext.length || !decrypted.every((b, i) => b === plaintext[i])) {
    throw new Error('decrypted message differs from the one sent');
  }
}

/** PQXDH as the initiator runs it, up to the responder having decrypted the first message. */
async function setUpSession({ alice, bob, bundle }, plaintext) {
  await Signal.processPreKeyBundle(bundle, bob.address, alice.address, alice.sessions, alice.identities);
  const first = await encrypt(alice, bob, plaintext);
  if (first.type() !== Signal.CiphertextMessageType.PreKey) {
    throw new Error('the first message of a new session must be a PreKey message');
  }
  check(plaintext, await decrypt(bob, alice, first));
}

/** A session past its first round trip, so both sides send plain SignalMessages (no prekey wrapper). */
async function establishedPair(plaintext) {
  const pair = preparePair();
  await setUpSession(pair, plaintext);
  check(plaintext, await decrypt(pair.alice, pair.bob, await encrypt(pair.bob, pair.alice, plaintext)));
  return pair;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const plaintext = new Uint8Array(MessageSize);
  for (let i = 0; i < plaintext.length; i++) {
    plaintext[i] = (i * 31 + 7) & 0xff;
  }

  // One way: Alice sends, Bob receives; every message is one symmetric chain step on each side.
  {
    const { alice, bob } = await establishedPair(plaintext);
    const result = await measureBatch(options, async (count) => {
      for (let i = 0; i < count; i++) {
        const decrypted = await decrypt(bob, alice, await encrypt(alice, bob, plaintext));
        if (decrypted.length !== MessageSize) {
          throw new Error('decrypted message has the wrong length');
        }
      }
    });
    bench('libsignal_oneway_msgs_per_s', 1000 / result.msPerOp, 'msgs/s');
  }

  // Ping-pong: the direction alternates, so every message carries a new ratchet key and costs each side
  // a Diffie-Hellman ratchet step (and libsignal's post-quantum ratchet its share).
  {
    const { alice, bob } = await establishedPair(plaintext);
    let aliceSends = true;
    const result = await measureBatch(options, async (count) => {
      for (let i = 0; i < count; i++) {
        const [from, to] = aliceSends ? [alice, bob] : [bob, alice];
        const decrypted = await decrypt(to, from, await encrypt(from, to, plaintext));
        if (decrypted.length !== MessageSize) {
          throw new Error('decrypted message has the wrong length');
        }
        aliceSends = !aliceSends;
      }
    });
    bench('libsignal_pingpong_msgs_per_s', 1000 / result.msPerOp, 'msgs/s');
  }

  // Session setup: process the bundle, encrypt the first message, and the responder's first decrypt.
  // Generating identities and prekeys is publication work done ahead of time, so it stays off the clock.
  {
    const result = await measureEach(options, async () => preparePair(),
      async (pair) => setUpSession(pair, plaintext));
    bench('libsignal_session_setup_ms', result.msPerOp, 'ms');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
