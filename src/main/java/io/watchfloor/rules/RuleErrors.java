package io.watchfloor.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the compiler's errors in an admin's words, at the line to fix: Drools reports a missing {@code end} at the
 * next rule or at the end of the file ("mismatched input '<eof>'"), a missing ';' or an unknown method at the rule's
 * first line. Its own message stays beside ours, after "Drools:".
 */
final class RuleErrors {
    private static final Pattern UNDEFINED_METHOD = Pattern.compile(
            "The method (\\w+)\\(.*?\\) is undefined for the type AlertDraft");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: io\\.watchfloor\\.rules\\.SignalFact\\.(\\w+)\\(\\)");
    private static final Pattern UNABLE_TO_EXPAND = Pattern.compile("^\\[\\d+\\] Unable to expand: (.*)$");
    private static final Pattern WORD = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[A-Za-z_$][\\w$]*"
            + "|[()]");
    private static final String ALERT_SETTINGS = "severity, whenStale, category, type, evidence, actors, eventDate,"
            + " title, summary";
    private static final String FIELDS = "type, category, escalation, deescalation, actor, target, pair, move, event,"
            + " eventDate, planned, published, fresh, ageDays, confidence, articleId, evidence, seq, firstReport";

    private RuleErrors() { }

    /** The problems with the errors explained where we can; the rest as Drools gave them. */
    static List<RuleProblem> explain(Map<String, String> sources, List<RuleProblem> problems) {
        List<RuleProblem> out = new ArrayList<>();
        List<String> structural = new ArrayList<>();
        for (RuleProblem p : problems) {
            String text = sources.get(p.file());
            if (!p.error() || text == null) {
                out.add(p);
                continue;
            }
            String[] lines = text.split("\n", -1);
            String m = p.message();
            Matcher x;
            if (m.contains("mismatched input") || m.contains("Parser returned a null Package")
                    || m.contains("no viable alternative") || m.contains("missing ")) {
                if (!structural.contains(p.file())) {
                    List<RuleProblem> found = structure(p.file(), lines, m);
                    if (!found.isEmpty()) {
                        structural.add(p.file());
                        out.addAll(found);
                        continue;
                    }
                } else {
                    continue; // the same mistake, already explained
                }
                if (m.contains("Parser returned a null Package")) {
                    continue; // says only that the file did not parse
                }
                out.add(p);
            } else if ((x = UNDEFINED_METHOD.matcher(m)).find()) {
                int line = find(lines, p.line(), x.group(1) + "(");
                out.add(new RuleProblem(p.file(), line, true, "'" + x.group(1) + "' is not something an alert can be"
                        + " given; it takes " + ALERT_SETTINGS + " (Drools: " + m + ")"));
            } else if ((x = UNKNOWN_FIELD.matcher(m)).find()) {
                out.add(new RuleProblem(p.file(), p.line(), true, "'" + x.group(1) + "' is not a field of a signal;"
                        + " a signal has " + FIELDS + " (Drools: " + m + ")"));
            } else if (m.contains("insert \";\" to complete")) {
                int line = missingSemicolon(lines, p.line());
                out.add(new RuleProblem(p.file(), line, true, "this action must end with ';' (Drools: " + m + ")"));
            } else if ((x = UNABLE_TO_EXPAND.matcher(m)).find()) {
                out.add(new RuleProblem(p.file(), p.line(), true, "no phrase of the .dsl files matches \""
                        + x.group(1).strip() + "\": check its spelling against rules/watchfloor.dsl, or add the"
                        + " phrase there (Drools: " + m + ")"));
                // Drools then trips over the unexpanded words at the same line: one message is enough.
                problems.stream().filter(q -> q != p && q.file().equals(p.file()) && q.line() == p.line())
                        .forEach(q -> structural.add(q.file() + ":" + q.line()));
            } else if (structural.contains(p.file() + ":" + p.line())) {
                continue;
            } else {
                out.add(p);
            }
        }
        return out.stream().filter(p -> !(p.message().startsWith("mismatched input")
                && structural.contains(p.file() + ":" + p.line()))).toList();
    }

    /** A rule token found outside comments and strings: its word and line. */
    private record Token(String word, int line) { }

    /**
     * The shape of each rule: {@code rule ... when ... then ... end}, with the parentheses of its conditions closed.
     * The first rule that breaks it is reported where the fix goes.
     */
    private static List<RuleProblem> structure(String file, String[] lines, String drools) {
        List<Token> tokens = tokens(lines);
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).word().equals("rule") || !startsLine(lines, tokens.get(i))) {
                continue;
            }
            Token rule = tokens.get(i);
            String name = i + 1 < tokens.size() ? tokens.get(i + 1).word().replaceAll("^[\"']|[\"']$", "") : "?";
            Token when = null;
            Token then = null;
            Token end = null;
            Deque<Token> open = new ArrayDeque<>();
            int j = i + 1;
            for (; j < tokens.size(); j++) {
                Token t = tokens.get(j);
                if (t.word().equals("rule") && startsLine(lines, t)) {
                    break;
                }
                if (t.word().equals("when") && when == null) {
                    when = t;
                } else if (t.word().equals("then") && then == null) {
                    then = t;
                    if (!open.isEmpty()) {
                        return List.of(problem(file, open.peek().line(), "the '(' opened on this line is not closed"
                                + " before 'then' (rule \"" + name + "\")", drools));
                    }
                } else if (t.word().equals("end") && then != null) {
                    end = t;
                    break;
                } else if (then == null && t.word().equals("(")) {
                    open.push(t);
                } else if (then == null && t.word().equals(")")) {
                    if (open.isEmpty()) {
                        return List.of(problem(file, t.line(), "this ')' closes no '(' (rule \"" + name + "\")",
                                drools));
                    }
                    open.pop();
                }
            }
            int last = lastContentLine(lines, rule.line(), j < tokens.size() ? tokens.get(j).line() : lines.length + 1);
            if (then == null) {
                int at = when != null ? when.line() : rule.line();
                return List.of(problem(file, at, "rule \"" + name + "\" has no 'then': a rule reads rule \"name\","
                        + " when, its conditions, then, its actions, end", drools));
            }
            if (when == null) {
                int firstCondition = lastContentLine(lines, rule.line() + 1, rule.line() + 2);
                if (firstCondition < then.line() && !lines[firstCondition - 1].strip().isEmpty()) {
                    return List.of(problem(file, firstCondition, "rule \"" + name + "\" has no 'when' before its"
                            + " conditions", drools));
                }
            }
            if (end == null) {
                return List.of(problem(file, last, "rule \"" + name + "\" (line " + rule.line() + ") has no 'end':"
                        + " it belongs after this line", drools));
            }
            i = j;
        }
        return List.of();
    }

    private static RuleProblem problem(String file, int line, String words, String drools) {
        return new RuleProblem(file, line, true, words + " (Drools: " + drools + ")");
    }

    /** Rule keywords and parentheses, outside comments and strings, with their lines. */
    private static List<Token> tokens(String[] lines) {
        List<Token> out = new ArrayList<>();
        boolean comment = false;
        for (int n = 0; n < lines.length; n++) {
            String l = lines[n];
            StringBuilder code = new StringBuilder();
            for (int k = 0; k < l.length(); k++) {
                if (comment) {
                    if (l.startsWith("*/", k)) {
                        comment = false;
                        k++;
                    }
                } else if (l.startsWith("/*", k)) {
                    comment = true;
                    k++;
                } else if (l.startsWith("//", k) || l.charAt(k) == '#' && l.substring(0, k).isBlank()) {
                    break;
                } else {
                    code.append(l.charAt(k));
                }
            }
            Matcher m = WORD.matcher(code);
            while (m.find()) {
                String w = m.group();
                if (w.equals("rule") || w.equals("when") || w.equals("then") || w.equals("end") || w.equals("(")
                        || w.equals(")") || out.size() > 0 && out.get(out.size() - 1).word().equals("rule")
                        && out.get(out.size() - 1).line() == n + 1) {
                    out.add(new Token(w, n + 1));
                }
            }
        }
        return out;
    }

    private static boolean startsLine(String[] lines, Token t) {
        return lines[t.line() - 1].stripLeading().startsWith("rule");
    }

    /** The last line with something on it from {@code from} up to (not including) {@code before}. */
    private static int lastContentLine(String[] lines, int from, int before) {
        int last = from;
        for (int n = from; n < before && n <= lines.length; n++) {
            String s = lines[n - 1].strip();
            if (!s.isEmpty() && !s.startsWith("//") && !s.startsWith("#")) {
                last = n;
            }
        }
        return last;
    }

    /** The first line from {@code from} that contains {@code text}, else {@code from}. */
    private static int find(String[] lines, int from, String text) {
        for (int n = Math.max(from, 1); n <= lines.length; n++) {
            if (lines[n - 1].contains(text)) {
                return n;
            }
            if (n > from && lines[n - 1].stripLeading().startsWith("rule ")) {
                break;
            }
        }
        return from;
    }

    /** The action that ends without ';': the last line of a statement (the next line does not go on with '.'). */
    private static int missingSemicolon(String[] lines, int ruleLine) {
        boolean inThen = false;
        for (int n = Math.max(ruleLine, 1); n <= lines.length; n++) {
            String s = lines[n - 1].replaceAll("//.*$", "").strip();
            if (!inThen) {
                inThen = s.equals("then") || s.endsWith(" then");
                continue;
            }
            if (s.equals("end") || s.startsWith("rule ")) {
                break;
            }
            if (s.isEmpty() || s.endsWith(";") || s.endsWith("{") || s.endsWith("}") || s.endsWith("(")
                    || s.endsWith(",") || s.endsWith(".") || s.endsWith("+")) {
                continue;
            }
            String next = "";
            for (int k = n; k < lines.length && next.isEmpty(); k++) {
                next = lines[k].replaceAll("//.*$", "").strip();
            }
            if (!next.startsWith(".") && !next.startsWith("+") && !next.startsWith(")")) {
                return n;
            }
        }
        return ruleLine;
    }
}
