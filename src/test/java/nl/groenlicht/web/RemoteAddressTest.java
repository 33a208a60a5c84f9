package nl.groenlicht.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The client address: X-Forwarded-For counts only when a trusted proxy sent the request. */
class RemoteAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.2");

    @Test
    void anAddressInXForwardedForFromAnyoneButATrustedProxyIsIgnored() {
        assertEquals("198.51.100.4", RemoteAddress.client("198.51.100.4", List.of("203.0.113.9"), PROXY));
        assertEquals("198.51.100.4", RemoteAddress.client("198.51.100.4", List.of("203.0.113.9"), Set.of()));
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightmostAddressThatIsNoTrustedProxy() {
        assertEquals("203.0.113.9", RemoteAddress.client("10.0.0.2", List.of("203.0.113.9"), PROXY));
        assertEquals("203.0.113.9", RemoteAddress.client("10.0.0.2", List.of("1.2.3.4, 203.0.113.9"), PROXY),
                "what the client wrote itself (left) does not count");
        assertEquals("203.0.113.9", RemoteAddress.client("10.0.0.2", List.of("203.0.113.9, 10.0.0.2"), PROXY),
                "a chain of trusted proxies is walked");
        assertEquals("2001:db8::7", RemoteAddress.client("10.0.0.2", List.of("2001:db8::7"), PROXY));
    }

    @Test
    void somethingOtherThanAnAddressInTheHeaderLeavesTheProxyAsTheClient() {
        assertEquals("10.0.0.2", RemoteAddress.client("10.0.0.2", List.of("evil.example"), PROXY));
        assertEquals("10.0.0.2", RemoteAddress.client("10.0.0.2", List.of(), PROXY));
    }
}
