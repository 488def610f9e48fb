package org.obtainingwater.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.obtainingwater.process.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Staff logins verified against the engine's identity service, remembered for a short while
 * ({@code obtaining-water.staff-logins.cache-ttl}, default 30 s; docs/adr/0030): a REST client sends its
 * password with every call, and checking it (a salted hash and the user's lock state), then reading its groups
 * and tenants, took three engine transactions per call. Only successful checks are remembered, keyed by the
 * engine, the user and a SHA-256 of the password (the password itself is not kept): a wrong password is always
 * checked by the engine (and counts toward its lockout). A password change, a locked user or a changed group
 * membership takes effect within the cache time. {@code PT0S} checks every call. Expired entries are dropped
 * whenever a cache grows past {@value #SWEEP_ABOVE} entries, so staff who changed passwords or left do not pile up.
 */
@Component
public class StaffLogins {

  static final int SWEEP_ABOVE = 1_000;

  private final long ttlNanos;
  private final LongSupplier clock;
  private final Map<Key, Long> verified = new ConcurrentHashMap<>();
  private final Map<Key, Remembered<List<String>>> groups = new ConcurrentHashMap<>();
  private final Map<Key, Remembered<List<String>>> tenants = new ConcurrentHashMap<>();

  @Autowired
  StaffLogins(@Value("${obtaining-water.staff-logins.cache-ttl:PT30S}") Duration ttl) {
    this(ttl, System::nanoTime);
  }

  /** With a clock of its own (nanoseconds), for tests that let the cache time pass. */
  public StaffLogins(Duration ttl, LongSupplier clock) {
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
  }

  /** Whether the user exists, is not locked and has this password, as the engine said within the cache time. */
  public boolean verify(ProcessEngine engine, String user, String password) {
    Key key = new Key(engine, user, Sha256.of(String.valueOf(password)));
    long now = clock.getAsLong();
    Long until = verified.get(key);
    if (until != null && now - until < 0) {
      return true;
    }
    boolean ok = engine.getIdentityService().checkPassword(user, password);
    if (ok && ttlNanos > 0) {
      verified.put(key, now + ttlNanos);
      if (verified.size() > SWEEP_ABOVE) {
        verified.values().removeIf(expiry -> now - expiry >= 0);
      }
    } else {
      verified.remove(key);
    }
    return ok;
  }

  /** The user's group ids, as the engine said within the cache time. */
  public List<String> groupsOf(ProcessEngine engine, String user) {
    return remembered(groups, new Key(engine, user, ""), () -> engine.getIdentityService().createGroupQuery()
        .groupMember(user).list().stream().map(Group::getId).toList());
  }

  /** The user's tenant ids (through the user or their groups), as the engine said within the cache time. */
  public List<String> tenantsOf(ProcessEngine engine, String user) {
    return remembered(tenants, new Key(engine, user, ""), () -> engine.getIdentityService().createTenantQuery()
        .userMember(user).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
  }

  /** How many logins, group lists and tenant lists are remembered now, expired or not. */
  int rememberedEntries() {
    return verified.size() + groups.size() + tenants.size();
  }

  private List<String> remembered(Map<Key, Remembered<List<String>>> cache, Key key, Supplier<List<String>> read) {
    long now = clock.getAsLong();
    Remembered<List<String>> known = cache.get(key);
    if (known != null && now - known.until() < 0) {
      return known.value();
    }
    List<String> value = read.get();
    if (ttlNanos > 0) {
      cache.put(key, new Remembered<>(value, now + ttlNanos));
      if (cache.size() > SWEEP_ABOVE) {
        cache.values().removeIf(entry -> now - entry.until() >= 0);
      }
    }
    return value;
  }


  /** The engine by identity: test contexts each run an engine named default, with users of their own. */
  private record Key(ProcessEngine engine, String user, String passwordHash) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && engine == that.engine && user.equals(that.user)
          && passwordHash.equals(that.passwordHash);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(engine) * 31 + user.hashCode() * 17 + passwordHash.hashCode();
    }
  }

  private record Remembered<T>(T value, long until) {
  }
}
