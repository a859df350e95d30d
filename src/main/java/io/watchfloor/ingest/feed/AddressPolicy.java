package io.watchfloor.ingest.feed;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which addresses the fetcher may connect to. Loopback, private, link-local (cloud metadata), shared (CGNAT),
 * multicast, unspecified, documentation and reserved ranges are refused, so that a feed (or a redirect, or a name
 * that resolves there) cannot point the daemon at internal services; ranges the admin allows
 * ({@code sources.fetch.allowAddresses}) are not. A feed configured with such an address itself (an IP literal,
 * or {@code localhost}) may reach that host's own addresses.
 */
public final class AddressPolicy {
    private record Range(Cidr cidr, String label) { }

    private static final List<Range> SPECIAL = List.of(
            range("0.0.0.0/8", "an unspecified address"),
            range("10.0.0.0/8", "a private address (RFC 1918)"),
            range("100.64.0.0/10", "a shared address (carrier-grade NAT)"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.0.0/16", "a link-local address (where cloud metadata services answer)"),
            range("172.16.0.0/12", "a private address (RFC 1918)"),
            range("192.0.0.0/24", "an IETF protocol address"),
            range("192.0.2.0/24", "a documentation address"),
            range("192.168.0.0/16", "a private address (RFC 1918)"),
            range("198.18.0.0/15", "a benchmarking address"),
            range("198.51.100.0/24", "a documentation address"),
            range("203.0.113.0/24", "a documentation address"),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", "a reserved address"),
            range("::/128", "an unspecified address"),
            range("::1/128", "a loopback address"),
            range("64:ff9b:1::/48", "a local NAT64 address"),
            range("100::/64", "a discard address"),
            range("2001:db8::/32", "a documentation address"),
            range("2002::/16", "a 6to4 address"),
            range("fc00::/7", "a unique local address (private)"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("ff00::/8", "a multicast address"));
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The default: every special-use range refused. */
    public static AddressPolicy defaults() {
        return new AddressPolicy(List.of());
    }

    private static Range range(String cidr, String label) {
        return new Range(Cidr.parse(cidr), label);
    }

    /** Why {@code a} may not be reached (what it is, e.g. "a private address (RFC 1918)"), or null when it may. */
    public String refusal(InetAddress a) {
        for (Cidr c : allowed) {
            if (c.contains(a)) {
                return null;
            }
        }
        InetAddress checked = a;
        if (NAT64.contains(a)) {
            // A public IPv4 address seen through DNS64: judge the address inside.
            byte[] b = a.getAddress();
            checked = Cidr.literal((b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff));
            if (checked == null) {
                return "a NAT64 address";
            }
            for (Cidr c : allowed) {
                if (c.contains(checked)) {
                    return null;
                }
            }
        }
        for (Range r : SPECIAL) {
            if (r.cidr().contains(checked)) {
                return r.label();
            }
        }
        return null;
    }

    /**
     * The addresses a feed configured with {@code host} may reach although they are special: the address itself
     * when the host is an IP literal, the loopback addresses of {@code localhost}; none for any other name (a name
     * that resolves to an internal address is refused unless its range is allowed, whoever controls its DNS).
     */
    public Set<InetAddress> trustedFor(String host, HostResolver resolver) {
        Set<InetAddress> out = new LinkedHashSet<>();
        InetAddress literal = Cidr.literal(host);
        if (literal != null) {
            out.add(literal);
        } else if (host.equalsIgnoreCase("localhost") || host.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
            try {
                for (InetAddress a : resolver.resolve(host)) {
                    if (a.isLoopbackAddress()) {
                        out.add(a);
                    }
                }
            } catch (java.net.UnknownHostException e) {
                // nothing to trust; the fetch reports the unknown host
            }
        }
        return out;
    }

    /** The addresses of a host that may be reached, in the resolver's order; empty when every one is refused. */
    public List<InetAddress> reachable(InetAddress[] addresses, Set<InetAddress> trusted) {
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            if (trusted.contains(a) || refusal(a) == null) {
                out.add(a);
            }
        }
        return out;
    }
}
