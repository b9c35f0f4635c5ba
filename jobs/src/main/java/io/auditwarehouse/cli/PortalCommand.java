package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.portal.Role;
import io.auditwarehouse.portal.UsersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "portal", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Manages the evidence portal's own accounts (the users file, portal.users_file).",
        subcommands = PortalCommand.UserCommand.class)
final class PortalCommand {

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Portal accounts.", subcommands = AddCommand.class)
    static final class UserCommand {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
            description = "Adds an account (or replaces its role and password). The password is asked on the terminal "
                    + "(twice), never taken as an argument; without a terminal it is read as one line from standard input.")
    static final class AddCommand implements Callable<Integer> {

        static final int MIN_LENGTH = 12;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the sign-in name")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "auditor, compliance or admin")
        String role;

        @Override
        public Integer call() throws IOException {
            AppConfig config = common.load();
            Role r = Role.parse(role).orElseThrow(() -> new ConfigException("--role", "expected auditor, compliance or admin, got '" + role + "'"));
            char[] password = readPassword();
            try {
                if (password.length < MIN_LENGTH) throw new ConfigException("password", "at least " + MIN_LENGTH + " characters");
                UsersFile users = UsersFile.read(config.portalUsersFile());
                users.put(name, r, password);
                spec.commandLine().getOut().println("portal user " + name + " (" + r.id() + ") written to " + config.portalUsersFile()
                        + " (Argon2id hash; " + users.size() + " account(s))");
            } finally {
                Arrays.fill(password, '\0');
            }
            return ExitCodes.OK;
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("password: ");
                char[] again = console.readPassword("again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) throw new ConfigException("password", "the two entries differ");
                Arrays.fill(again, '\0');
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new ConfigException("password", "no password on standard input");
            return line.toCharArray();
        }
    }
}
