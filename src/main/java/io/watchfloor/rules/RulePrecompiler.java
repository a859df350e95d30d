package io.watchfloor.rules;

import java.nio.file.Path;

/**
 * Build step (Maven's process-classes): compiles the shipped rules folder and writes its packages into the classes
 * folder, so that the jar carries them and a start on the rules as shipped does not run the Java compiler.
 * usage: RulePrecompiler RULES_DIR CLASSES_DIR
 */
public final class RulePrecompiler {
    private RulePrecompiler() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RulePrecompiler RULES_DIR CLASSES_DIR");
            System.exit(2);
        }
        CompileResult r = new RuleCompiler(RuleCache.shippedInto(Path.of(args[1]))).compile(Path.of(args[0]));
        r.problems().forEach(System.err::println);
        if (!r.ok()) {
            System.exit(1); // the shipped rules must compile: the build stops here, naming the file and line
        }
        System.out.println("compiled rules kept in " + Path.of(args[1]).resolve(RuleCache.SHIPPED) + ": "
                + r.rules().orElseThrow().ruleNames().size() + " rules");
    }
}
