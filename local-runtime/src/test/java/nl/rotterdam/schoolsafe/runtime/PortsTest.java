package nl.rotterdam.schoolsafe.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void freePortsLieBelowTheRangeOutgoingConnectionsTakeTheirPortsFrom() throws IOException {
        int ephemeral = Ports.ephemeralLow();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port >= Ports.LOWEST && port + 15 < ephemeral, "port " + port + " below " + ephemeral);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(bound.isBound(), "free means a server can bind it");
            }
        }
    }

    @Test
    void aPortOnceHandedOutOrReservedIsNotHandedOutAgain() {
        int gateway = Ports.free();
        Ports.reserve(gateway, 16);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int port = Ports.free();
            assertTrue(port < gateway || port >= gateway + 16, "port " + port + " is promised to the layout");
            assertTrue(seen.add(port), "port " + port + " handed out twice");
        }
    }
}
