package nl.rotterdam.schoolsafe.escalation.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Callback addresses that would turn the webhooks against the suite's own network are refused (SSRF). */
class CallbackGuardTest {
    record Config(boolean allowPlainHttpToLoopback, Optional<List<String>> allowedHosts) implements WebhookConfig {
        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration retryFor() {
            return Duration.ofHours(24);
        }

        @Override
        public Duration firstRetryAfter() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration longestRetryAfter() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int concurrency() {
            return 8;
        }

        @Override
        public Duration secretOverlap() {
            return Duration.ofHours(24);
        }
    }

    private static final Config PRODUCTION = new Config(false, Optional.empty());

    private static CallbackGuard resolvingTo(Config config, String... addresses) {
        Deque<String> answers = new ArrayDeque<>(List.of(addresses));
        return new CallbackGuard(config, host -> {
            String next = answers.size() > 1 ? answers.poll() : answers.peek();
            return new InetAddress[] {InetAddress.getByName(next)};
        });
    }

    private static String refusal(CallbackGuard guard, String url) {
        ProblemException refused =
                assertThrows(ProblemException.class, () -> guard.check(CallbackAddress.parse(url)), url);
        // an address the resolver would have answered for was never asked for: the spelling alone is refused
        Problem problem = refused.toProblem(null);
        assertEquals(400, problem.status());
        assertEquals("callbackUrl", problem.errors().get(0).field());
        return problem.errors().get(0).message();
    }

    @Test
    void acceptsHttpsToAPublicAddress() throws UnknownHostException {
        assertEquals(
                InetAddress.getByName("93.184.216.34"),
                resolvingTo(PRODUCTION, "93.184.216.34").check(CallbackAddress.parse("https://hooks.example.org/in")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "::1",
                "10.1.2.3",
                "172.16.5.4",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "fe80::1",
                "fc00::1",
                "fd00:ec2::254",
                "100.64.0.1",
                "0.0.0.0",
                "::",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "2002:a00:1::",
                "224.0.0.1",
                "255.255.255.255",
                "198.18.0.1"
            })
    void refusesEveryAddressThatIsNotPublic(String address) {
        String reason = refusal(resolvingTo(PRODUCTION, address), "https://hooks.example.org/in");
        assertTrue(reason.contains("may not reach"), reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://2130706433/in",
                "https://0177.0.0.1/in",
                "https://0x7f.0.0.1/in",
                "https://017700000001/"
            })
    void refusesDecimalOctalAndHexSpellingsOfAnAddress(String url) {
        String reason = refusal(resolvingTo(PRODUCTION, "93.184.216.34"), url);
        assertTrue(reason.contains("dotted") || reason.contains("must name a host"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cafe1.de/in", "https://bad1.be/in", "https://0x.example.org/in", "https://a1.b2/"})
    void acceptsAHostNameThatOnlyLooksHexadecimal(String url) throws UnknownHostException {
        assertEquals(
                InetAddress.getByName("93.184.216.34"),
                resolvingTo(PRODUCTION, "93.184.216.34").check(CallbackAddress.parse(url)),
                url);
    }

    @Test
    void refusesALiteralPrivateAddressAndPlainHttp() {
        assertTrue(refusal(new CallbackGuard(PRODUCTION), "https://[::ffff:169.254.169.254]/latest")
                .contains("link-local"));
        assertTrue(refusal(resolvingTo(PRODUCTION, "93.184.216.34"), "http://hooks.example.org/in")
                .contains("https"));
        assertTrue(refusal(resolvingTo(PRODUCTION, "127.0.0.1"), "http://localhost:8080/in")
                .contains("https"));
    }

    @Test
    void refusesAHostThatNowResolvesToAPrivateAddress() throws UnknownHostException {
        CallbackGuard guard = resolvingTo(PRODUCTION, "93.184.216.34", "10.0.0.5");
        CallbackAddress callback = CallbackAddress.parse("https://rebinding.example.org/in");
        assertEquals(InetAddress.getByName("93.184.216.34"), guard.check(callback), "public at registration");
        assertThrows(ProblemException.class, () -> guard.check(callback), "private at delivery: refused");
    }

    @Test
    void letsAnOperatorAllowlistAHostAndTheLocalRunReachLoopback() throws UnknownHostException {
        Config allowlisted = new Config(false, Optional.of(List.of("partner-gateway.internal")));
        assertEquals(
                InetAddress.getByName("10.0.0.9"),
                resolvingTo(allowlisted, "10.0.0.9")
                        .check(CallbackAddress.parse("https://partner-gateway.internal/in")));
        Config localRun = new Config(true, Optional.empty());
        assertEquals(
                InetAddress.getByName("127.0.0.1"),
                resolvingTo(localRun, "127.0.0.1").check(CallbackAddress.parse("http://127.0.0.1:9000/in")));
        assertTrue(
                refusal(resolvingTo(localRun, "10.0.0.1"), "http://10.0.0.1/in").contains("https"),
                "the local-run flag opens loopback only");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://hooks.example.org/",
                "hooks.example.org/in",
                "https://user:pw@hooks.example.org/",
                "https:///in",
                "https://hooks.example.org/#x",
                "not a url"
            })
    void refusesWhatIsNotAnHttpsCallback(String url) {
        assertThrows(ProblemException.class, () -> CallbackAddress.parse(url), url);
    }
}
