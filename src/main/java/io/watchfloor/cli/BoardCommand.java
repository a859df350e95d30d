package io.watchfloor.cli;

import io.watchfloor.board.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor board hash-password}: the hash of a board user's password, for {@code http.board.users}. */
@Command(name = "board", mixinStandardHelpOptions = true, description = "The situation board's tools.",
        subcommands = {BoardCommand.HashPassword.class})
final class BoardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (hash-password)");
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Read a password (asked twice on a terminal, else the first line of standard input) and"
                    + " print its PBKDF2 hash for http.board.users[].passwordHash.")
    static final class HashPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] password;
            Console console = System.console();
            if (console != null) {
                password = console.readPassword("Password: ");
                char[] again = console.readPassword("Again: ");
                if (password == null || again == null || !Arrays.equals(password, again)) {
                    throw new UsageException("board hash-password: the two passwords differ");
                }
                Arrays.fill(again, ' ');
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            if (password.length < 8) {
                throw new UsageException("board hash-password: a password needs at least 8 characters");
            }
            spec.commandLine().getOut().println(PasswordHash.hash(password));
            Arrays.fill(password, ' ');
            return Main.OK;
        }
    }
}
