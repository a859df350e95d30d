package io.watchfloor.rules;

import io.watchfloor.model.SignalType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Finds rules that compile but can never fire: a condition on a signal type that does not exist
 * ({@code type == "STRIKES"}). Compile errors (an unknown field, bad syntax) are the compiler's job.
 */
final class RuleLint {
    private static final Pattern TYPE_EQUALS = Pattern.compile("\\btype\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern TYPE_IN = Pattern.compile("\\btype\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Set<String> KNOWN = Arrays.stream(SignalType.values()).map(Enum::name)
            .collect(Collectors.toSet());

    private RuleLint() { }

    /** Warnings for the rule sources (display name to text); files that do not parse are left to the compiler. */
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
                    text = parser.getExpandedDRL(text, new DefaultExpanderResolver(new StringReader(dsl)));
                }
                PackageDescr pkg = parser.parse(false, text);
                if (parser.hasErrors() || pkg == null) {
                    continue;
                }
                for (RuleDescr rule : pkg.getRules()) {
                    walk(rule.getLhs(), name, rule, out);
                }
            } catch (DroolsParserException | java.io.IOException | RuntimeException ex) {
                // Not parseable here: the compiler reports it with its line.
            }
        }
        return out;
    }

    private static void walk(BaseDescr d, String file, RuleDescr rule, List<RuleProblem> out) {
        if (d instanceof PatternDescr p) {
            if (p.getObjectType() != null && p.getObjectType().endsWith("SignalFact")) {
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr x) {
                        checkTypes(x.getExpression(), line(x, p, rule), file, rule, out);
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
            if (!KNOWN.contains(t)) {
                out.add(new RuleProblem(file, line, false, "rule \"" + rule.getName() + "\" can never match: \""
                        + t + "\" is not a signal type (one of " + String.join(", ", SignalType.names()) + ")"));
            }
        }
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
