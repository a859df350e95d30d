package io.watchfloor.ingest.feed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the connection for one request: resolves the host itself, keeps the addresses the policy allows, and
 * connects to one of those very addresses (never to a name the system would look up again), with TLS for https
 * (server name indication and host name verification against the URL's host).
 */
final class GuardedConnector {
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final Duration connectTimeout;

    GuardedConnector(HostResolver resolver, AddressPolicy policy, Duration connectTimeout) {
        this.resolver = resolver;
        this.policy = policy;
        this.connectTimeout = connectTimeout;
    }

    AddressPolicy policy() {
        return policy;
    }

    HostResolver resolver() {
        return resolver;
    }

    /**
     * A connected socket for {@code uri}; {@code trusted} are special addresses this feed may reach anyway.
     *
     * @throws AddressRefusedException when every address of the host is refused
     */
    Socket open(URI uri, Set<InetAddress> trusted, long deadlineNanos) throws IOException {
        String host = hostOf(uri);
        InetAddress[] all = resolver.resolve(host);
        List<InetAddress> reachable = policy.reachable(all, trusted);
        if (reachable.isEmpty()) {
            InetAddress first = all[0];
            throw new AddressRefusedException("refused to connect to " + first.getHostAddress()
                    + (host.equals(first.getHostAddress()) ? "" : " (" + host + ")") + ": " + policy.refusal(first)
                    + (all.length > 1 ? " (and " + (all.length - 1) + " more, all refused)" : "")
                    + "; feeds may not reach internal addresses unless sources.fetch.allowAddresses allows them");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        IOException last = null;
        for (InetAddress a : reachable) {
            Socket s = new Socket();
            try {
                long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                int timeout = (int) Math.max(1, Math.min(connectTimeout.toMillis(), left));
                s.connect(new InetSocketAddress(a, port), timeout);
                return https ? tls(s, host, port, deadlineNanos) : s;
            } catch (SocketTimeoutException e) {
                s.close();
                last = new SocketTimeoutException("connect timed out (connectTimeout)");
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last;
    }

    private static Socket tls(Socket raw, String host, int port, long deadlineNanos) throws IOException {
        SSLSocket s = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(raw, host, port,
                true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (Cidr.literal(host) == null) {
            p.setServerNames(List.of(new SNIHostName(host)));
        }
        s.setSSLParameters(p);
        s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        try {
            s.startHandshake();
        } catch (SocketTimeoutException e) {
            s.close();
            throw new DeadlineException();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The URL's host without the brackets of an IPv6 literal. */
    static String hostOf(URI uri) {
        String h = uri.getHost();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The whole response did not arrive within its deadline. */
    static final class DeadlineException extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineException() {
            super("deadline passed");
        }
    }
}
