package io.watchfloor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private static InetAddress ip(String literal) {
        return Cidr.literal(literal);
    }

    @Test
    void internalAndSpecialRangesAreRefusedAndPublicOnesAllowed() {
        AddressPolicy p = AddressPolicy.defaults();
        assertThat(p.refusal(ip("127.0.0.1"))).isEqualTo("a loopback address");
        assertThat(p.refusal(ip("127.0.0.2"))).isEqualTo("a loopback address");
        assertThat(p.refusal(ip("10.1.2.3"))).isEqualTo("a private address (RFC 1918)");
        assertThat(p.refusal(ip("172.31.255.1"))).isEqualTo("a private address (RFC 1918)");
        assertThat(p.refusal(ip("192.168.0.10"))).isEqualTo("a private address (RFC 1918)");
        assertThat(p.refusal(ip("169.254.169.254"))).startsWith("a link-local address (where cloud metadata");
        assertThat(p.refusal(ip("100.64.0.1"))).startsWith("a shared address");
        assertThat(p.refusal(ip("0.0.0.0"))).isEqualTo("an unspecified address");
        assertThat(p.refusal(ip("224.0.0.251"))).isEqualTo("a multicast address");
        assertThat(p.refusal(ip("255.255.255.255"))).isEqualTo("a reserved address");
        assertThat(p.refusal(ip("::1"))).isEqualTo("a loopback address");
        assertThat(p.refusal(ip("::"))).isEqualTo("an unspecified address");
        assertThat(p.refusal(ip("fd12:3456::1"))).startsWith("a unique local address");
        assertThat(p.refusal(ip("fe80::1"))).isEqualTo("a link-local address");
        assertThat(p.refusal(ip("ff02::1"))).isEqualTo("a multicast address");
        // IPv4 inside IPv6: judged as the IPv4 address it is.
        assertThat(p.refusal(ip("::ffff:10.0.0.1"))).isEqualTo("a private address (RFC 1918)");
        assertThat(p.refusal(ip("64:ff9b::a9fe:a9fe"))).startsWith("a link-local address (where cloud metadata");
        assertThat(p.refusal(ip("64:ff9b::808:808"))).isNull();

        assertThat(p.refusal(ip("8.8.8.8"))).isNull();
        assertThat(p.refusal(ip("172.32.0.1"))).isNull();
        assertThat(p.refusal(ip("2001:4860:4860::8888"))).isNull();
    }

    @Test
    void allowedRangesAreAllowed() {
        AddressPolicy p = new AddressPolicy(List.of(Cidr.parse("10.20.0.0/16"), Cidr.parse("fd00::/8"),
                Cidr.parse("192.168.1.20")));
        assertThat(p.refusal(ip("10.20.5.5"))).isNull();
        assertThat(p.refusal(ip("10.21.5.5"))).isNotNull();
        assertThat(p.refusal(ip("fd00::7"))).isNull();
        assertThat(p.refusal(ip("192.168.1.20"))).isNull();
        assertThat(p.refusal(ip("192.168.1.21"))).isNotNull();
    }

    @Test
    void rangesAreCheckedAsAdminsWriteThem() {
        assertThat(Cidr.parse(" 10.0.0.0/8 ")).hasToString("10.0.0.0/8");
        assertThat(Cidr.parse("172.16.0.0/12").contains(ip("172.20.1.1"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessage("'10.0.0.0/33': the prefix length must be"
                + " 0 to 32");
        assertThatThrownBy(() -> Cidr.parse("intranet")).hasMessageContaining("is not an address range");
        assertThatThrownBy(() -> Cidr.parse("10.0.0/8")).hasMessageContaining("is not an address range");
    }

    @Test
    void aFeedConfiguredOnAnInternalAddressTrustsThatAddressOnly() {
        AddressPolicy p = AddressPolicy.defaults();
        HostResolver none = h -> {
            throw new java.net.UnknownHostException(h);
        };
        assertThat(p.trustedFor("127.0.0.1", none)).containsExactly(ip("127.0.0.1"));
        assertThat(p.trustedFor("localhost", h -> new InetAddress[] {ip("127.0.0.1"), ip("::1")}))
                .containsExactly(ip("127.0.0.1"), ip("::1"));
        // A name is trusted for nothing, whatever it resolves to: its DNS may be someone else's.
        assertThat(p.trustedFor("intranet.example.org", h -> new InetAddress[] {ip("10.0.0.5")})).isEmpty();
    }
}
