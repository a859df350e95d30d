package io.watchfloor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven built (a filtered resource), and the Java that runs it. */
final class Version implements IVersionProvider {
    private static final String RESOURCE = "/io/watchfloor/version.properties";

    /** The project version from the pom, or "unknown" when the classes were not built by Maven. */
    static String number() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: an unreadable resource is an unknown version, not a failure of --version
        }
        return "unknown";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"watchfloor " + number(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
