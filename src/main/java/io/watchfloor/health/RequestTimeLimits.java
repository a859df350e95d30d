package io.watchfloor.health;

import java.util.List;

/**
 * The JDK HTTP server's time limits: a client has {@value #SECONDS} seconds to send its request and as long to take
 * the response, then its connection is closed and its worker freed. They are system properties that the JDK reads
 * once, when the first server of the process is made, so the launcher sets them before anything else; given with
 * -D (JAVA_OPTS), they are left as given. With them, TCP_NODELAY on the server's connections: without it a response
 * written in two segments waits for the client's delayed acknowledgement, 40 ms on Linux, on every board page.
 */
public final class RequestTimeLimits {
    static final int SECONDS = 10;
    private static final List<String> KEYS = List.of("sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime");

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private RequestTimeLimits() { }

    public static void apply() {
        for (String key : KEYS) {
            if (System.getProperty(key) == null) {
                System.setProperty(key, Integer.toString(SECONDS));
            }
        }
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }
}
