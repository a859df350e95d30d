package io.watchfloor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchfloor.ingest.feed.Cidr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads {@code watchfloor.yaml}; every problem comes back as one line naming the file, line and key. */
public final class ConfigLoader {
    /** Looked for when no --config is given. */
    public static final Path DEFAULT_FILE = Path.of("config", "watchfloor.yaml");
    /**
     * The config file when no --config is given: set by the installed launcher (from /etc/default/watchfloor), so
     * every command of an installed watchfloor finds the installed config from any folder.
     */
    public static final String CONFIG_VARIABLE = "WATCHFLOOR_CONFIG";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private final Map<String, String> env;

    public ConfigLoader() {
        this(System.getenv());
    }

    /** With the given environment (WATCHFLOOR_* variables override keys). */
    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * The given file, else the one WATCHFLOOR_CONFIG names, else config/watchfloor.yaml when present, else the
     * embedded defaults; then the environment.
     */
    public WatchfloorConfig load(Path explicit) {
        Path file = chosenFile(explicit);
        if (file != null) {
            if (explicit == null && file != DEFAULT_FILE && !Files.exists(file)) {
                throw new ConfigException(file + ": config file not found (named by " + CONFIG_VARIABLE + ")");
            }
            return read(file);
        }
        return withEnvironment(Path.of("(embedded defaults)"), "", WatchfloorConfig.defaults());
    }

    /** The file {@link #load} reads for {@code explicit} (--config, may be null); null for the embedded defaults. */
    public Path chosenFile(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        String named = env.get(CONFIG_VARIABLE);
        if (named != null && !named.isBlank()) {
            return Path.of(named.strip());
        }
        return Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
    }

    public WatchfloorConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": config file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config file (" + e.getMessage() + ")");
        }
        WatchfloorConfig cfg = text.isBlank() ? WatchfloorConfig.defaults() : readAll(file, text);
        cfg = withEnvironment(file, text, cfg);
        check(file, text, cfg);
        return cfg;
    }

    /**
     * Reads the file reporting every problem at once, not just the first: a key that is unknown or has a value of the
     * wrong type is noted (with its line) and left out, and reading goes on; then the values are checked.
     */
    private WatchfloorConfig readAll(Path file, String text) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(yamlProblem(file, e));
        }
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return WatchfloorConfig.defaults();
        }
        if (!tree.isObject()) {
            throw new ConfigException(file + ":1: expected keys and values (a YAML mapping) at the top");
        }
        List<String> problems = new ArrayList<>();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                WatchfloorConfig cfg = yaml.treeToValue(tree, WatchfloorConfig.class);
                if (!problems.isEmpty()) {
                    try {
                        check(file, text, cfg);
                    } catch (ConfigException more) {
                        problems.add(more.getMessage());
                    }
                    throw new ConfigException(String.join("\n", problems));
                }
                return cfg;
            } catch (UnrecognizedPropertyException e) {
                problems.add(file + ":" + lineOf(text, e) + ": unknown key '" + path(e) + "'"
                        + known(e.getKnownPropertyIds()));
                if (!remove(tree, e)) {
                    break;
                }
            } catch (JsonMappingException e) {
                problems.add(file + ":" + lineOf(text, e) + ": key '" + path(e) + "': " + reason(e));
                if (!remove(tree, e)) {
                    break;
                }
            } catch (JsonProcessingException e) {
                problems.add(yamlProblem(file, e));
                break;
            }
        }
        throw new ConfigException(String.join("\n", problems));
    }

    /** Drops the node an error is about, so the rest of the file can still be read. */
    private static boolean remove(JsonNode tree, JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (e instanceof UnrecognizedPropertyException u) {
            JsonNode parent = tree;
            for (JsonMappingException.Reference r : refs.subList(0, refs.size() - 1)) {
                parent = r.getFieldName() != null ? parent.path(r.getFieldName()) : parent.path(r.getIndex());
            }
            return parent instanceof ObjectNode o && o.remove(u.getPropertyName()) != null;
        }
        if (refs.isEmpty()) {
            return false;
        }
        JsonNode parent = tree;
        for (JsonMappingException.Reference r : refs.subList(0, refs.size() - 1)) {
            parent = r.getFieldName() != null ? parent.path(r.getFieldName()) : parent.path(r.getIndex());
        }
        JsonMappingException.Reference last = refs.get(refs.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode o) {
            return o.remove(last.getFieldName()) != null;
        }
        if (last.getIndex() >= 0 && parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            return a.remove(last.getIndex()) != null;
        }
        return false;
    }

    /** The line of the key an error is about: each key of its path in turn, deeper and further down the file. */
    private static int lineOf(String text, JsonMappingException e) {
        List<String> names = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                names.add(r.getFieldName());
            }
        }
        return Math.max(1, lineOf(text, names));
    }

    private static final Pattern KEY_IN_PROBLEM = Pattern.compile("^key '([^']+)'");

    /** ":LINE" for a value problem whose key is written in the file, else nothing (a default or the environment). */
    private static String at(String text, String problem) {
        Matcher m = KEY_IN_PROBLEM.matcher(problem);
        if (text == null || text.isBlank() || !m.find()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            names.add(part.replaceAll("\\[\\d+]$", ""));
        }
        int line = lineOf(text, names);
        return line > 0 ? ":" + line : "";
    }

    /** The line of a key path, each key in turn deeper and further down the file; 0 when it is not written. */
    private static int lineOf(String text, List<String> names) {
        String[] lines = text.split("\n", -1);
        int from = 0;
        int found = 0;
        for (String name : names) {
            boolean hit = false;
            Pattern key = Pattern.compile("^\\s*(?:-\\s+)?[\"']?" + Pattern.quote(name) + "[\"']?\\s*:");
            for (int i = from; i < lines.length; i++) {
                if (key.matcher(lines[i]).find()) {
                    found = i + 1;
                    from = i + 1;
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                return 0;
            }
        }
        return found;
    }

    /** Applies WATCHFLOOR_* variables on top of the file; an error names the variable. */
    private WatchfloorConfig withEnvironment(Path file, String text, WatchfloorConfig fromFile) {
        if (env.keySet().stream().noneMatch(k -> k.startsWith(EnvOverrides.PREFIX))) {
            return fromFile;
        }
        ObjectNode tree;
        try {
            JsonNode n = text.isBlank() ? null : yaml.readTree(text);
            tree = n instanceof ObjectNode o ? o : yaml.createObjectNode();
        } catch (JsonProcessingException e) {
            return fromFile; // already reported by the first reading
        }
        List<EnvOverrides.Applied> applied = EnvOverrides.apply(tree, env);
        if (applied.isEmpty()) {
            return fromFile;
        }
        try {
            return yaml.treeToValue(tree, WatchfloorConfig.class);
        } catch (JsonMappingException e) {
            String key = path(e);
            String variable = applied.stream().filter(a -> a.key().equals(key)).map(EnvOverrides.Applied::variable)
                    .findFirst().orElse("environment");
            throw new ConfigException(variable + ": key '" + key + "': " + reason(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": environment overrides: " + e.getOriginalMessage());
        }
    }

    private static void check(Path file, String text, WatchfloorConfig c) {
        List<String> problems = new ArrayList<>();
        try {
            ZoneId.of(c.timezone());
        } catch (DateTimeException e) {
            problems.add("key 'timezone': unknown time zone '" + c.timezone() + "'");
        }
        if (c.sources().folders().stream().anyMatch(f -> f == null || f.isBlank())) {
            problems.add("key 'sources.folders': an entry is empty");
        }
        if (c.cluster().enabled() && !c.database().url().startsWith("jdbc:postgresql:")) {
            problems.add("key 'cluster.enabled': cluster mode needs a PostgreSQL database.url (jdbc:postgresql://...)");
        }
        if (!c.cluster().nodeId().isEmpty() && !NodeId.valid(c.cluster().nodeId())) {
            problems.add("key 'cluster.nodeId': '" + c.cluster().nodeId() + "' is not 1 to 100 letters, digits, '.',"
                    + " '_' or '-'");
        }
        if (!WatchfloorConfig.Extract.PARSERS.contains(c.extract().parser())) {
            problems.add("key 'extract.parser': '" + c.extract().parser() + "' is not corenlp or none");
        }
        EmailConfig e = c.email();
        if (!List.of("starttls", "tls", "none").contains(e.smtp().security())) {
            problems.add("key 'email.smtp.security': '" + e.smtp().security() + "' is not starttls, tls or none");
        }
        checkAddress(problems, "email.from", e.from());
        for (int i = 0; i < e.admins().size(); i++) {
            checkAddress(problems, "email.admins[" + i + "]", e.admins().get(i));
        }
        if (!e.defaultRecipient().isBlank()) {
            checkAddress(problems, "email.defaultRecipient", e.defaultRecipient());
        }
        for (int i = 0; i < e.recipients().size(); i++) {
            EmailConfig.Recipient r = e.recipients().get(i);
            String key = "email.recipients[" + i + "]";
            checkAddress(problems, key + ".address", r.address());
            if (!SEVERITIES.contains(r.minSeverity().toUpperCase(java.util.Locale.ROOT))) {
                problems.add("key '" + key + ".minSeverity': '" + r.minSeverity() + "' is not one of " + SEVERITIES);
            }
            for (String cat : r.categories()) {
                if (!List.of("ESCALATION", "DEESCALATION").contains(cat.toUpperCase(java.util.Locale.ROOT))) {
                    problems.add("key '" + key + ".categories': '" + cat + "' is not ESCALATION or DEESCALATION");
                }
            }
            for (String pair : r.pairs()) {
                if (!pair.matches("[A-Za-z]{3}-[A-Za-z]{3}")) {
                    problems.add("key '" + key + ".pairs': '" + pair + "' is not a pair like IRN-PAK");
                }
            }
        }
        for (int i = 0; i < e.silences().size(); i++) {
            EmailConfig.Silence s = e.silences().get(i);
            if (s.until() == null) {
                problems.add("key 'email.silences[" + i + "].until': missing (an ISO time such as 2026-12-01T00:00:00Z)");
            }
            if (s.pair() == null && s.rule() == null && s.type() == null) {
                problems.add("key 'email.silences[" + i + "]': give a pair, a rule or a type");
            }
        }
        try {
            org.quartz.CronExpression.validateExpression(e.digest().cron());
        } catch (java.text.ParseException ex) {
            problems.add("key 'email.digest.cron': '" + e.digest().cron() + "' is not a Quartz cron expression ("
                    + ex.getMessage() + ")");
        }
        checkFeeds(c.sources(), problems);
        ConfigRanges.check(c, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(p -> file + at(text, p) + ": " + p)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static void checkFeeds(WatchfloorConfig.Sources s, List<String> problems) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < s.feeds().size(); i++) {
            WatchfloorConfig.Feed f = s.feeds().get(i);
            String key = "key 'sources.feeds[" + i + "]";
            if (f == null) {
                problems.add(key + "': an entry is empty");
                continue;
            }
            java.net.URI uri = null;
            try {
                uri = new java.net.URI(f.url());
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            if (uri == null || uri.getHost() == null || uri.getScheme() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                problems.add(key + ".url': expected an http or https URL, found '" + f.url() + "'");
            }
            if (!names.add(f.name())) {
                problems.add(key + ".name': two feeds are named '" + f.name() + "' (names must be unique)");
            }
        }
        List<String> allow = s.fetch().allowAddresses();
        for (int i = 0; i < allow.size(); i++) {
            try {
                Cidr.parse(allow.get(i));
            } catch (IllegalArgumentException e) {
                problems.add("key 'sources.fetch.allowAddresses[" + i + "]': " + e.getMessage());
            }
        }
    }

    /** SnakeYAML's messages span several lines; admins need the line and the problem. */
    private static String yamlProblem(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                return file + ":" + (y.getProblemMark().getLine() + 1) + ": not valid YAML: " + y.getProblem();
            }
        }
        return where(file, e) + "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static final List<String> SEVERITIES = List.of("INFO", "WARNING", "CRITICAL");

    private static void checkAddress(List<String> problems, String key, String address) {
        try {
            jakarta.mail.internet.InternetAddress a = new jakarta.mail.internet.InternetAddress(address, true);
            a.validate();
        } catch (jakarta.mail.internet.AddressException | NullPointerException ex) {
            problems.add("key '" + key + "': '" + address + "' is not an email address");
        }
    }

    private static String where(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return file + (loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() : "") + ": ";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String reason(JsonMappingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "invalid value";
        }
        // Jackson's messages name Java types; admins need the gist.
        if (m.contains("Cannot deserialize value of type `java.lang.Integer`")
                || m.contains("Cannot deserialize value of type `int`") || m.contains("to `java.lang.Integer`")) {
            return "expected a whole number" + found(m);
        }
        if (m.contains("Cannot deserialize value of type `java.util.ArrayList`")
                || m.contains("Cannot deserialize value of type `java.util.List")) {
            return "expected a list" + found(m);
        }
        if (m.contains("java.time.Duration")) {
            for (String why : List.of("not a duration", "must be positive", "must not be negative")) {
                int i = m.indexOf(why);
                if (i >= 0) {
                    return m.substring(i).replace("`", "");
                }
            }
            return "expected a duration such as 30s, 5m or 1h";
        }
        if (m.contains("java.lang.Long") && m.contains("not a size")) {
            return m.substring(m.indexOf("not a size")).replace("`", "");
        }
        if (m.contains("Cannot deserialize value of type `java.lang.String`")) {
            return "expected a text value" + found(m);
        }
        if (m.contains("Cannot construct instance of `io.watchfloor.config")
                || m.contains("Cannot deserialize value of type `io.watchfloor.config")) {
            return "expected a section (key: value pairs)" + found(m);
        }
        return m.lines().findFirst().orElse(m);
    }

    private static String found(String m) {
        for (String lead : new String[] {"from String \"", "String value (\""}) {
            int i = m.indexOf(lead);
            if (i >= 0) {
                int j = m.indexOf('"', i + lead.length());
                return j > 0 ? ", found '" + m.substring(i + lead.length(), j) + "'" : "";
            }
        }
        if (m.contains("from Array") || m.contains("START_ARRAY")) {
            return ", found a list";
        }
        if (m.contains("from Object") || m.contains("START_OBJECT")) {
            return ", found a section";
        }
        return "";
    }

    private static String known(java.util.Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return " (known keys: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }
}
