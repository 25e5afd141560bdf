package com.conversation24.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.campaigns.access.application.SignInFailures;
import com.conversation24.exports.export.RequestLimiter;
import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rate limits' buckets in a real data grid: two Hazelcast members (the version inside Payara),
 * joined by TCP/IP on the loopback, each with its own JCache manager, as two Payara members have.
 * A limit is one limit over both, and it survives the death of the member that created it; a
 * username's failed sign-ins are one count over both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedBucketsTest {

  private static final String CLUSTER = "shared-buckets-test-" + UUID.randomUUID();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);

  private static HazelcastInstance first;
  private static HazelcastInstance second;
  private static CacheManager firstGrid;
  private static CacheManager secondGrid;

  @BeforeAll
  static void startTwoMembers() throws Exception {
    int a = freePort();
    int b = freePort();
    List<String> members = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
    first = Hazelcast.newHazelcastInstance(member(a, members));
    second = Hazelcast.newHazelcastInstance(member(b, members));
    assertThat(second.getCluster().getMembers()).hasSize(2);
    firstGrid = defaultManager(first, SharedBucketsTest.class.getClassLoader());
    // A provider of its own (JCache keeps one per class loader), as in another JVM.
    secondGrid = defaultManager(second, new URLClassLoader(new URL[0], SharedBucketsTest.class.getClassLoader()));
  }

  /** The provider's default manager, as Payara's member injects: same URI, so the same caches. */
  private static CacheManager defaultManager(HazelcastInstance member, ClassLoader loader) {
    CachingProvider provider =
        Caching.getCachingProvider(HazelcastCachingProvider.MEMBER_CACHING_PROVIDER, loader);
    return provider.getCacheManager(
        provider.getDefaultURI(),
        provider.getDefaultClassLoader(),
        HazelcastCachingProvider.propertiesByInstanceItself(member));
  }

  @AfterAll
  static void stop() {
    Hazelcast.shutdownAll();
  }

  @Test
  @Order(2) // stops the first member
  void aLimitIsOneLimitOverBothMembersAndOutlivesTheMemberThatHeldIt() throws InterruptedException {
    RequestLimiter onFirst = limiter(firstGrid);
    RequestLimiter onSecond = limiter(secondGrid);
    int allowed = 0;
    for (int i = 0; i < 12; i++) {
      RequestLimiter member = i % 2 == 0 ? onFirst : onSecond;
      if (member.take("203.0.113.7").isEmpty()) {
        allowed++;
      }
    }
    assertThat(allowed).as("requests allowed over both members").isEqualTo(4);
    assertThat(onSecond.take("198.51.100.1")).as("another key").isEmpty();

    // The grid keeps a backup of every entry: the survivor still knows the spent bucket.
    first.getLifecycleService().terminate();
    Instant deadline = Instant.now().plusSeconds(30);
    while (second.getCluster().getMembers().size() > 1 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(second.getCluster().getMembers()).hasSize(1);
    assertThat(limiter(secondGrid).take("203.0.113.7")).isPresent();
  }

  @Test
  @Order(1)
  void signInFailuresCountOverBothMembers() {
    SignInFailures onFirst = SignInFailures.inGrid(firstGrid);
    SignInFailures onSecond = SignInFailures.inGrid(secondGrid);
    Instant at = CLOCK.instant();
    for (int i = 0; i < 6; i++) {
      (i % 2 == 0 ? onFirst : onSecond).recordFailure("user:guessed", at.plusSeconds(i));
    }
    assertThat(onSecond.of("user:guessed"))
        .as("six failures, three on each member")
        .contains(new SignInFailures.Failures(6, at.plusSeconds(5)));
    assertThat(onFirst.recordFailure("user:guessed", at.plusSeconds(9)).count()).isEqualTo(7);

    onSecond.forget("user:guessed");
    assertThat(onFirst.of("user:guessed")).as("forgotten on both").isEmpty();
  }

  private static RequestLimiter limiter(CacheManager grid) {
    return new RequestLimiter(SharedBuckets.inGrid(grid, CLOCK), "test", 4, Duration.ofSeconds(60));
  }

  private static Config member(int port, List<String> members) {
    Config config = new Config();
    config.setClusterName(CLUSTER);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }

  /**
   * A free port below the kernel's ephemeral range (32768 and up on Linux): there, while the first
   * member keeps trying to reach the second, one of its outgoing connections can take the second
   * member's port as its own local port, and the second then cannot bind it (seen once in a
   * build: "Port [44675] is already in use").
   */
  private static int freePort() throws IOException {
    java.util.Random random = new java.util.Random();
    for (int tries = 0; tries < 100; tries++) {
      int port = 20_000 + random.nextInt(12_000);
      if (port == taken) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        taken = port;
        return port;
      } catch (IOException inUse) {
        // another one
      }
    }
    throw new IOException("no free port between 20000 and 32000 on the loopback");
  }

  /** The port given last, so that the two members never get the same one. */
  private static int taken;
}
