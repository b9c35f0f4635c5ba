package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.model.User;
import io.auditwarehouse.report.Pseudonyms;
import io.auditwarehouse.report.Reveal;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sources.configured.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "reveal", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Maps pseudonyms of a pseudonymised evidence package (report.pseudonymise) back to user ids, with the "
                + "key of report.pseudonym_key_env or report.pseudonym_key_file. The candidates are the users relation "
                + "(users.csv or app_user) and every user id in the warehouse; exit 1 when a pseudonym matches none.")
final class RevealCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PSEUDONYM", description = "e.g. U-7F3A2C19")
    List<String> pseudonyms;

    @Override
    public Integer call() {
        for (String p : pseudonyms) {
            if (!Pseudonyms.looksLikeOne(p.strip())) {
                throw new ConfigException("PSEUDONYM", "'" + p + "' is not a pseudonym like U-7F3A2C19");
            }
        }
        AppConfig config = common.load();
        if (!config.report().pseudonyms().key().present()) {
            throw new ConfigException(ConfigKey.REPORT_PSEUDONYM_KEY_ENV.key(), "reveal needs the pseudonym key: set "
                    + ConfigKey.REPORT_PSEUDONYM_KEY_ENV.key() + " or " + ConfigKey.REPORT_PSEUDONYM_KEY_FILE.key());
        }
        var spark = SparkSessions.getOrCreate(config.sparkMaster());
        List<User> users = Sources.usersToPseudonymise(spark, config);
        Map<String, String> names = new TreeMap<>();
        for (User u : users) if (u.displayName() != null) names.putIfAbsent(u.userId(), u.displayName());
        Reveal reveal = Reveal.of(Pseudonyms.of(config.report().pseudonyms().key()), users, Warehouses.open(spark, config));
        PrintWriter out = spec.commandLine().getOut();
        int unknown = 0;
        for (String p : pseudonyms) {
            Reveal.Match m = reveal.find(p);
            if (m.userIds().isEmpty()) {
                unknown++;
                out.println(p.strip() + "  not found among " + reveal.candidates() + " user ids (users relation and warehouse)");
            }
            for (String id : m.userIds()) {
                out.println(p.strip() + "  " + id + (names.containsKey(id) ? "  " + names.get(id) : ""));
            }
        }
        out.flush();
        return unknown == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
