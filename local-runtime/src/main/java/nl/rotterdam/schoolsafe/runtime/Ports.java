package nl.rotterdam.schoolsafe.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port helpers: free ones for tests, and a clear refusal when a fixed one is taken. */
public final class Ports {
    private Ports() {}

    /** Where the free ports for tests start: above the local run's fixed ports (18080 …). */
    static final int LOWEST = 20_000;
    /** Room left below the ephemeral range for the ports a layout derives from one (gateway + 15). */
    private static final int DERIVED = 32;
    /** Ports handed out or reserved in this JVM: free now, but promised to a server that has not bound it yet. */
    private static final java.util.Set<Integer> PROMISED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port free now, below the kernel's ephemeral range: a port from that range can be handed to an outgoing
     * connection (a service's to Kafka or PostgreSQL) between this pick and the server's bind, which once failed a
     * suite's start with "Address already in use".
     */
    public static int free() {
        int highest = ephemeralLow() - DERIVED;
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200 && highest > LOWEST; attempt++) {
            int port = random.nextInt(LOWEST, highest);
            if (PROMISED.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (PROMISED.add(port)) {
                    return port;
                }
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + LOWEST + " and " + highest));
    }

    /** Promises the ports a layout derives from its gateway port, so that no later {@link #free()} hands one out. */
    public static void reserve(int from, int count) {
        for (int port = from; port < from + count; port++) {
            PROMISED.add(port);
        }
    }

    /** The first port of the kernel's ephemeral range (Linux; 32768 where it cannot be read). */
    static int ephemeralLow() {
        try {
            // read line-wise: procfs reports a size of 0, and a sized read can stop short
            String range = java.nio.file.Files.readAllLines(
                            java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0);
            return Integer.parseInt(range.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** Fails with a message naming the port and its purpose when something already listens there. */
    public static void requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUse(port, purpose);
        }
    }

    public static final class PortInUse extends RuntimeException {
        public PortInUse(int port, String purpose) {
            super("port " + port + " (" + purpose + ") is already in use; stop what holds it or choose another port");
        }
    }
}
