package io.watchfloor.rules;

import io.watchfloor.model.Category;
import io.watchfloor.model.Severity;
import io.watchfloor.model.SignalType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.lang.dsl.DefaultExpanderResolver;

/**
 * What compiles but would misbehave, reported as errors at their line, in DRL and near-English rules alike: a
 * condition on a signal type that does not exist ({@code type == "STRIKES"}, which could never match), a country that
 * is neither a code nor a letter ({@code by Pak on IND}), and an alert given a severity, category or type that
 * the alert stage would refuse at run time (each such alert would be lost with an error in the log). Syntax errors
 * and unknown fields are the compiler's.
 */
final class RuleLint {
    private static final Pattern TYPE_EQUALS = Pattern.compile("\\btype\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern TYPE_IN = Pattern.compile("\\btype\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern PARTY = Pattern.compile("\\b(?:actorIs|targetIs|isBetween)\\s*\\(([^)]*)\\)");
    /** An alert's settings with a literal value: {@code .severity("WARNING")}. */
    private static final Pattern SETTING = Pattern.compile(
            "\\.(severity|whenStale|category|type)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern HAS_CATEGORY = Pattern.compile("\\.category\\s*\\(");
    private static final Set<String> SIGNAL_TYPES = Arrays.stream(SignalType.values()).map(Enum::name)
            .collect(Collectors.toSet());
    /** Alert types that are not signal types but whose category the alert stage knows. */
    private static final List<String> OWN_ALERT_TYPES = List.of("RETALIATION", "SPIRAL", "PLANNED_VISIT");
    private static final Set<String> COUNTRIES = countryCodes();

    private RuleLint() { }

    /** Problems in the rule sources (display name to text); files that do not parse are left to the compiler. */
    static List<RuleProblem> check(Map<String, String> sources) {
        String dsl = sources.entrySet().stream().filter(e -> e.getKey().endsWith(".dsl")).map(Map.Entry::getValue)
                .collect(Collectors.joining("\n"));
        List<RuleProblem> out = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".drl") && !name.endsWith(".dslr")) {
                continue;
            }
            try {
                DrlParser parser = new DrlParser();
                String text = e.getValue();
                if (name.endsWith(".dslr")) {
                    // The expansion keeps every line where it was, so lines found in it are the admin's lines.
                    text = parser.getExpandedDRL(text, new DefaultExpanderResolver(new StringReader(dsl)));
                }
                PackageDescr pkg = parser.parse(false, text);
                if (parser.hasErrors() || pkg == null) {
                    continue;
                }
                for (RuleDescr rule : pkg.getRules()) {
                    walk(rule.getLhs(), name, rule, out);
                    checkConsequence(name, text, rule, out);
                }
            } catch (DroolsParserException | IOException | RuntimeException ex) {
                // Not parseable here: the compiler reports it with its line.
            }
        }
        return out.stream().distinct().toList(); // a phrase that expands to alternatives repeats its conditions
    }

    private static void walk(BaseDescr d, String file, RuleDescr rule, List<RuleProblem> out) {
        if (d instanceof PatternDescr p) {
            if (p.getObjectType() != null && p.getObjectType().endsWith("SignalFact")) {
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr x) {
                        int line = line(x, p, rule);
                        checkTypes(x.getExpression(), line, file, rule, out);
                        checkParties(x.getExpression(), line, file, rule, out);
                    }
                }
            }
            if (p.getSource() instanceof AccumulateDescr acc) {
                walk(acc.getInput(), file, rule, out);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr c : ce.getDescrs()) {
                walk(c, file, rule, out);
            }
        }
    }

    private static void checkTypes(String expr, int line, String file, RuleDescr rule, List<RuleProblem> out) {
        List<String> named = new ArrayList<>();
        Matcher eq = TYPE_EQUALS.matcher(expr);
        while (eq.find()) {
            named.add(eq.group(1));
        }
        Matcher in = TYPE_IN.matcher(expr);
        while (in.find()) {
            Matcher q = QUOTED.matcher(in.group(1));
            while (q.find()) {
                named.add(q.group(1));
            }
        }
        for (String t : named) {
            if (!SIGNAL_TYPES.contains(t)) {
                out.add(new RuleProblem(file, line, true, "rule \"" + rule.getName() + "\" can never match: \""
                        + t + "\" is not a signal type (one of " + String.join(", ", SignalType.names()) + ")"));
            }
        }
    }

    /** Each country of a condition is a code of a known country or a single capital letter (a variable). */
    private static void checkParties(String expr, int line, String file, RuleDescr rule, List<RuleProblem> out) {
        Matcher m = PARTY.matcher(expr);
        while (m.find()) {
            Matcher q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                String who = q.group(1);
                if (SignalFact.isVariable(who) || COUNTRIES.contains(who)) {
                    continue;
                }
                String hint = COUNTRIES.contains(who.toUpperCase(Locale.ROOT))
                        ? " (country codes are written in capitals: " + who.toUpperCase(Locale.ROOT) + ")"
                        : who.matches("[A-Z]{3}") ? " (no country has that ISO 3166-1 alpha-3 code)" : "";
                out.add(new RuleProblem(file, line, true, "rule \"" + rule.getName() + "\": \"" + who
                        + "\" is neither a country code (three capitals: PAK, IND) nor a variable (one capital"
                        + " letter: A, B)" + hint));
            }
        }
    }

    /** Severities, categories and types given to the alert, checked as the alert stage would check them. */
    private static void checkConsequence(String file, String text, RuleDescr rule, List<RuleProblem> out) {
        if (!(rule.getConsequence() instanceof String then)) {
            return;
        }
        int first = firstLine(text, then, rule.getConsequenceLine());
        boolean categorised = HAS_CATEGORY.matcher(then).find();
        Matcher m = SETTING.matcher(then);
        while (m.find()) {
            String what = m.group(1);
            String value = m.group(2).trim().toUpperCase(Locale.ROOT);
            int line = first + (int) then.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            String problem = switch (what) {
                case "severity", "whenStale" -> known(Severity.class, value) ? null
                        : "\"" + m.group(2) + "\" is not a severity (" + names(Severity.class) + ")"
                          + suggestion(value, names(Severity.class));
                case "category" -> known(Category.class, value) ? null
                        : "\"" + m.group(2) + "\" is not a category (" + names(Category.class) + ")"
                          + suggestion(value, names(Category.class));
                default -> typeProblem(m.group(2), value, categorised);
            };
            if (problem != null) {
                out.add(new RuleProblem(file, line, true, "rule \"" + rule.getName() + "\": " + problem));
            }
        }
    }

    /**
     * An alert type is a signal type, one of the alert types the alert stage knows, or a new type of the admin's
     * with a category of its own; a near miss of a known type is taken for a misspelling.
     */
    private static String typeProblem(String given, String value, boolean categorised) {
        List<String> known = new ArrayList<>(SignalType.names());
        known.addAll(OWN_ALERT_TYPES);
        if (known.contains(value)) {
            return null;
        }
        String close = suggestion(value, String.join(", ", known));
        if (!close.isEmpty()) {
            return "\"" + given + "\" is not an alert type" + close;
        }
        if (!value.matches("[A-Z][A-Z0-9_]*")) {
            return "\"" + given + "\" is not an alert type: write a type in capitals and underscores";
        }
        return categorised ? null : "alert type \"" + given + "\" is not a signal type, so the alert needs a"
                + " category: add .category(\"ESCALATION\") or .category(\"DEESCALATION\")";
    }

    /**
     * The line the consequence's text begins on: Drools gives the line of "then" and the text without the blank
     * start, so it is found from there.
     */
    private static int firstLine(String text, String then, int thenLine) {
        String start = then.strip().lines().findFirst().orElse("").strip();
        String[] lines = text.split("\n", -1);
        for (int i = Math.max(thenLine - 1, 0); i < lines.length && !start.isEmpty(); i++) {
            if (lines[i].contains(start)) {
                return i + 1;
            }
        }
        return thenLine;
    }

    private static <E extends Enum<E>> boolean known(Class<E> cls, String value) {
        return Arrays.stream(cls.getEnumConstants()).anyMatch(c -> c.name().equals(value));
    }

    private static <E extends Enum<E>> String names(Class<E> cls) {
        return Arrays.stream(cls.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** ": did you mean X?" for a known name within two edits of {@code value}, else nothing. */
    private static String suggestion(String value, String knownNames) {
        for (String k : knownNames.split(", ")) {
            if (!k.equals(value) && distance(k, value) <= 2) {
                return ": did you mean " + k + "?";
            }
        }
        return "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Set<String> countryCodes() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.add("XKX"); // Kosovo: not ISO-assigned, but the code the catalogue uses
        return Set.copyOf(codes);
    }

    private static int line(BaseDescr... candidates) {
        for (BaseDescr b : candidates) {
            if (b.getLine() > 0) {
                return b.getLine();
            }
        }
        return 0;
    }
}
