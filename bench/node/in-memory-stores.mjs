// In-memory implementations of libsignal's store interfaces. The npm package ships only the abstract
// classes (its own in-memory stores live in its test suite), so the benchmark brings these.
//
// Records are kept as the objects libsignal hands over, not serialised: that is the cheapest possible
// store, so every figure measured against it is libsignal's protocol cost plus the Node bridge, and the
// comparison with Kith (whose benchmark keeps its session in memory too) is not skewed by storage.

import * as Signal from '@signalapp/libsignal-client';

/** Addresses are keyed by their string form ("name.deviceId"). */
function keyOf(address) {
  return `${address.name()}.${address.deviceId()}`;
}

export class InMemorySessionStore extends Signal.SessionStore {
  #sessions = new Map();

  async saveSession(address, record) {
    this.#sessions.set(keyOf(address), record);
  }

  async getSession(address) {
    return this.#sessions.get(keyOf(address)) ?? null;
  }

  async getExistingSessions(addresses) {
    return addresses.map((address) => {
      const record = this.#sessions.get(keyOf(address));
      if (record === undefined) {
        throw new Error(`no session for ${keyOf(address)}`);
      }
      return record;
    });
  }
}

export class InMemoryIdentityKeyStore extends Signal.IdentityKeyStore {
  #identities = new Map();
  #identityKey;
  #registrationId;

  constructor(identityKeyPair, registrationId) {
    super();
    this.#identityKey = identityKeyPair.privateKey;
    this.#registrationId = registrationId;
  }

  async getIdentityKey() {
    return this.#identityKey;
  }

  async getLocalRegistrationId() {
    return this.#registrationId;
  }

  async saveIdentity(address, key) {
    const id = keyOf(address);
    const previous = this.#identities.get(id);
    this.#identities.set(id, key);
    return previous !== undefined && !previous.equals(key)
      ? Signal.IdentityChange.ReplacedExisting
      : Signal.IdentityChange.NewOrUnchanged;
  }

  // Trust on first use, then the key must stay the same: what a messenger does before the user compares
  // safety numbers.
  async isTrustedIdentity(address, key, _direction) {
    const known = this.#identities.get(keyOf(address));
    return known === undefined || known.equals(key);
  }

  async getIdentity(address) {
    return this.#identities.get(keyOf(address)) ?? null;
  }
}

export class InMemoryPreKeyStore extends Signal.PreKeyStore {
  #records = new Map();

  async savePreKey(id, record) {
    this.#records.set(id, record);
  }

  async getPreKey(id) {
    const record = this.#records.get(id);
    if (record === undefined) {
      throw new Error(`no prekey ${id}`);
    }
    return record;
  }

  async removePreKey(id) {
    this.#records.delete(id);
  }
}

export class InMemorySignedPreKeyStore extends Signal.SignedPreKeyStore {
  #records = new Map();

  async saveSignedPreKey(id, record) {
    this.#records.set(id, record);
  }

  async getSignedPreKey(id) {
    const record = this.#records.get(id);
    if (record === undefined) {
      throw new Error(`no signed prekey ${id}`);
    }
    return record;
  }
}

export class InMemoryKyberPreKeyStore extends Signal.KyberPreKeyStore {
  #records = new Map();
  #used = new Set();

  async saveKyberPreKey(id, record) {
    this.#records.set(id, record);
  }

  async getKyberPreKey(id) {
    const record = this.#records.get(id);
    if (record === undefined) {
      throw new Error(`no kyber prekey ${id}`);
    }
    return record;
  }

  // One-time Kyber prekeys are deleted once used; a last-resort key would only be marked.
  async markKyberPreKeyUsed(id, _signedPreKeyId, _baseKey) {
    this.#used.add(id);
    this.#records.delete(id);
  }
}

/** Everything one party (one device) stores. */
export class InMemoryParty {
  constructor(name, deviceId, registrationId) {
    this.address = Signal.ProtocolAddress.new(name, deviceId);
    this.identity = Signal.IdentityKeyPair.generate();
    this.sessions = new InMemorySessionStore();
    this.identities = new InMemoryIdentityKeyStore(this.identity, registrationId);
    this.preKeys = new InMemoryPreKeyStore();
    this.signedPreKeys = new InMemorySignedPreKeyStore();
    this.kyberPreKeys = new InMemoryKyberPreKeyStore();
    this.registrationId = registrationId;
  }
}
