package io.watchfloor.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.lang.dsl.DefaultExpanderResolver;

/**
 * Decides, when the rules compile, whether every rule joins signals of one pair of countries only: then the rules can
 * see one pair at a time, and pairs can be evaluated apart (in parallel) with the same alerts. A rule joins within
 * one pair when each signal pattern after its first is tied to an earlier one by {@code pair == $x.pair}, or by both
 * its actor and its target equal to countries bound from earlier patterns ({@code actor == $b, target == $a}) or to
 * the two countries of an earlier fact ({@code actor == $a.target, target == $a.actor}); in a rule with alternatives
 * ({@code or}), in each alternative. A rule that matches facts other than signals, or that this reading cannot
 * follow, counts as joining across pairs.
 */
final class PairJoins {
    private static final Pattern PAIR_EQUALS = Pattern.compile(
            "\\bpair\\s*==\\s*\\$(\\w+)\\s*\\.\\s*(?:pair|getPair\\(\\s*\\))|\\$(\\w+)\\s*\\.\\s*(?:pair|getPair\\(\\s*\\))"
                    + "\\s*==\\s*pair\\b");
    /**
     * {@code actor == $b}, a country bound before, or {@code actor == $a.target}, a country of a fact bound before:
     * group 1 the variable, group 2 the fact's field when there is one.
     */
    private static final Pattern ACTOR_EQUALS =
            Pattern.compile("(?<![\\w.$])actor\\s*==\\s*\\$(\\w+)(?:\\s*\\.\\s*(actor|target)\\b)?");
    private static final Pattern TARGET_EQUALS =
            Pattern.compile("(?<![\\w.$])target\\s*==\\s*\\$(\\w+)(?:\\s*\\.\\s*(actor|target)\\b)?");
    /** {@code $a : actor} and {@code $b : target} bind the pattern's countries. */
    private static final Pattern COUNTRY_BINDING = Pattern.compile("\\$(\\w+)\\s*:\\s*(?:actor|target)\\b");
    private static final String SIGNAL = "SignalFact";
    /** Nested {@code or}s multiply: beyond this many sequences the rule is taken to join across pairs. */
    private static final int MAX_ALTERNATIVES = 256;

    private PairJoins() { }

    /**
     * The first rule (as FILE:LINE: rule "NAME": why) that joins signals of different pairs, or empty when every rule
     * joins within one pair. Files that do not parse are left to the compiler.
     */
    static Optional<String> crossPairRule(Map<String, String> sources) {
        String dsl = sources.entrySet().stream().filter(e -> e.getKey().endsWith(".dsl")).map(Map.Entry::getValue)
                .collect(Collectors.joining("\n"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".drl") && !name.endsWith(".dslr")) {
                continue;
            }
            PackageDescr pkg;
            try {
                DrlParser parser = new DrlParser();
                String text = e.getValue();
                if (name.endsWith(".dslr")) {
                    text = parser.getExpandedDRL(text, new DefaultExpanderResolver(new StringReader(dsl)));
                }
                pkg = parser.parse(false, text);
                if (parser.hasErrors() || pkg == null) {
                    return Optional.of(name + ": cannot be read to see how its rules join");
                }
            } catch (Exception ex) {
                return Optional.of(name + ": cannot be read to see how its rules join (" + ex.getMessage() + ")");
            }
            for (RuleDescr rule : pkg.getRules()) {
                Optional<String> why = crossPair(rule);
                if (why.isPresent()) {
                    return Optional.of(name + ":" + rule.getLine() + ": rule \"" + rule.getName() + "\" "
                            + why.get());
                }
            }
        }
        return Optional.empty();
    }

    /** Why the rule joins across pairs, or empty when it joins within one. */
    private static Optional<String> crossPair(RuleDescr rule) {
        List<List<PatternDescr>> alternatives = new ArrayList<>();
        alternatives.add(new ArrayList<>());
        Optional<String> odd = collect(rule.getLhs(), alternatives);
        if (odd.isPresent()) {
            return odd;
        }
        for (List<PatternDescr> patterns : alternatives) {
            Optional<String> why = crossPair(patterns);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /** Why one sequence of signal patterns joins across pairs, or empty when it joins within one. */
    private static Optional<String> crossPair(List<PatternDescr> patterns) {
        Set<String> facts = new HashSet<>();     // variables bound to signal facts so far
        Set<String> countries = new HashSet<>(); // variables bound to their actors and targets
        for (int i = 0; i < patterns.size(); i++) {
            PatternDescr p = patterns.get(i);
            String constraints = p.getDescrs().stream().filter(d -> d instanceof ExprConstraintDescr)
                    .map(d -> ((ExprConstraintDescr) d).getExpression()).collect(Collectors.joining(", "));
            if (i > 0 && !tied(constraints, facts, countries)) {
                return Optional.of("matches signals of any two pairs together (line " + p.getLine()
                        + "): no \"pair == $x.pair\", nor actor and target equal to countries bound before");
            }
            if (p.getIdentifier() != null) {
                facts.add(p.getIdentifier().replace("$", ""));
            }
            Matcher b = COUNTRY_BINDING.matcher(constraints);
            while (b.find()) {
                countries.add(b.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean tied(String constraints, Set<String> facts, Set<String> countries) {
        Matcher pair = PAIR_EQUALS.matcher(constraints);
        while (pair.find()) {
            String v = pair.group(1) != null ? pair.group(1) : pair.group(2);
            if (facts.contains(v)) {
                return true;
            }
        }
        Matcher actor = ACTOR_EQUALS.matcher(constraints);
        Matcher target = TARGET_EQUALS.matcher(constraints);
        if (!actor.find() || !target.find()) {
            return false;
        }
        if (actor.group(2) == null && target.group(2) == null) {
            return countries.contains(actor.group(1)) && countries.contains(target.group(1));
        }
        // the two countries of one fact bound before: its actor and its target, either way round
        return actor.group(2) != null && target.group(2) != null && actor.group(1).equals(target.group(1))
                && facts.contains(actor.group(1)) && !actor.group(2).equals(target.group(2));
    }

    /**
     * Adds the signal patterns of a condition, in order, to each of the alternative sequences the rule may match (an
     * {@code or} matches as either of its branches: the sequences so far, each followed by one branch's patterns), or
     * tells why the condition cannot be followed.
     */
    private static Optional<String> collect(BaseDescr d, List<List<PatternDescr>> alternatives) {
        if (d instanceof PatternDescr p) {
            Object source = p.getSource();
            if (source instanceof AccumulateDescr acc) {
                return collect(acc.getInput(), alternatives);
            }
            if (source instanceof CollectDescr col) {
                return collect(col.getInputPattern(), alternatives);
            }
            if (source instanceof FromDescr) {
                return Optional.empty(); // values computed from bound facts: no new fact joins
            }
            String type = p.getObjectType();
            if (type == null || !(type.equals(SIGNAL) || type.endsWith("." + SIGNAL))) {
                return Optional.of("matches facts other than signals (" + type + ", line " + p.getLine() + ")");
            }
            alternatives.forEach(a -> a.add(p));
            return Optional.empty();
        }
        if (d instanceof OrDescr or) {
            List<List<PatternDescr>> all = new ArrayList<>();
            for (BaseDescr branch : or.getDescrs()) {
                List<List<PatternDescr>> these = new ArrayList<>();
                alternatives.forEach(a -> these.add(new ArrayList<>(a)));
                Optional<String> odd = collect(branch, these);
                if (odd.isPresent()) {
                    return odd;
                }
                all.addAll(these);
                if (all.size() > MAX_ALTERNATIVES) {
                    return Optional.of("has too many alternatives (or) to see how they join");
                }
            }
            alternatives.clear();
            alternatives.addAll(all);
            return Optional.empty();
        }
        if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr c : ce.getDescrs()) {
                Optional<String> odd = collect(c, alternatives);
                if (odd.isPresent()) {
                    return odd;
                }
            }
        }
        return Optional.empty();
    }
}
