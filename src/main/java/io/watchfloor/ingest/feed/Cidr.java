package io.watchfloor.ingest.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An address range such as 10.0.0.0/8 or fd00::/8 (a single address is a range of one). */
public record Cidr(byte[] network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public Cidr {
        network = network.clone();
    }

    /** Parses an admin's range; the message of the exception says what is wrong, for the config check. */
    public static Cidr parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        InetAddress a = literal(host);
        if (a == null) {
            throw new IllegalArgumentException("'" + text + "' is not an address range (write e.g. 10.0.0.0/8,"
                    + " 192.168.1.20 or fd00::/8)");
        }
        int bits = a.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + bits);
            }
        }
        return new Cidr(a.getAddress(), prefix);
    }

    /** An IP literal as an address, without any name lookup; null when {@code host} is not one. */
    static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(h).matches() && !(h.contains(":") && h.matches("[0-9A-Fa-f:.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean contains(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (b[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (b[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }
}
