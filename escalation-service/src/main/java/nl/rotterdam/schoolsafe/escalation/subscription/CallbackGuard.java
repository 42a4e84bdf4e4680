package nl.rotterdam.schoolsafe.escalation.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * Keeps callbacks from being turned against the suite's own network (SSRF): the host is resolved and every address
 * it resolves to must be public, unless an operator allowlisted the host. Checked when a subscription is registered
 * and again before each delivery, which then goes to the address checked, so a DNS change cannot slip in between.
 */
@ApplicationScoped
public class CallbackGuard {
    /** Resolves a host name; the system resolver in production, a stand-in in tests of a DNS change. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    // ranges no callback may reach: private, shared, reserved, documentation and benchmarking space
    private static final List<Cidr> DENIED = Arrays.stream(new String[] {
                "0.0.0.0/8",
                "10.0.0.0/8",
                "100.64.0.0/10",
                "127.0.0.0/8",
                "169.254.0.0/16",
                "172.16.0.0/12",
                "192.0.0.0/24",
                "192.0.2.0/24",
                "192.88.99.0/24",
                "192.168.0.0/16",
                "198.18.0.0/15",
                "198.51.100.0/24",
                "203.0.113.0/24",
                "224.0.0.0/4",
                "240.0.0.0/4",
                "::/128",
                "::1/128",
                "64:ff9b::/96",
                "100::/64",
                "2001:db8::/32",
                "fc00::/7",
                "fe80::/10",
                "fec0::/10",
                "ff00::/8"
            })
            .map(Cidr::parse)
            .toList();

    private final WebhookConfig config;
    private final Resolver resolver;

    @Inject
    CallbackGuard(WebhookConfig config) {
        this(config, InetAddress::getAllByName);
    }

    CallbackGuard(WebhookConfig config, Resolver resolver) {
        this.config = config;
        this.resolver = resolver;
    }

    /** The address to deliver to; a 400 naming {@code callbackUrl} when the callback may not be called. */
    public InetAddress check(CallbackAddress callback) {
        boolean loopbackAllowed = config.allowPlainHttpToLoopback();
        if (!callback.https() && !loopbackAllowed) {
            throw ProblemException.invalid(CallbackAddress.FIELD, "must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(callback.host());
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(CallbackAddress.FIELD, "host " + callback.host() + " does not resolve");
        }
        if (config.allowedHosts().orElse(List.of()).contains(callback.host())) {
            return addresses[0];
        }
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            if (loopback && loopbackAllowed) {
                continue;
            }
            if (!callback.https() && !loopback) {
                throw ProblemException.invalid(CallbackAddress.FIELD, "must use https");
            }
            Optional<String> reason = denied(address);
            if (reason.isPresent()) {
                throw ProblemException.invalid(
                        CallbackAddress.FIELD,
                        "resolves to " + address.getHostAddress() + ", " + reason.get()
                                + ", which callbacks may not reach");
            }
        }
        return addresses[0];
    }

    /** Why an address is refused: it, or the IPv4 address embedded in it, is not public. */
    static Optional<String> denied(InetAddress address) {
        InetAddress effective = embeddedIpv4(address).orElse(address);
        if (effective.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (effective.isLinkLocalAddress()) {
            return Optional.of("a link-local address (such as the cloud metadata service)");
        }
        if (effective.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        for (Cidr range : DENIED) {
            if (range.contains(effective)) {
                return Optional.of("in the non-public range " + range);
            }
        }
        return Optional.empty();
    }

    /** IPv4-mapped, IPv4-compatible and 6to4 addresses reach the IPv4 address inside them. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean leadingZeros = true;
        for (int i = 0; i < 10; i++) {
            leadingZeros &= bytes[i] == 0;
        }
        try {
            if (leadingZeros
                    && ((bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff))) {
                return Optional.of(Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                return Optional.of(Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 2, 6)));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return Optional.empty();
    }

    record Cidr(byte[] network, int bits, String text) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                return new Cidr(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), text);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
