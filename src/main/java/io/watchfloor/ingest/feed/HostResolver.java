package io.watchfloor.ingest.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into addresses. The fetcher resolves every host itself, checks the addresses, and connects to
 * the one it checked, so a name cannot resolve to one address for the check and another for the connection.
 */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
