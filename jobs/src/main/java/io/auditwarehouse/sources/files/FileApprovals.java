package io.auditwarehouse.sources.files;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.User;
import io.auditwarehouse.model.UserDirectory;
import io.auditwarehouse.sources.ApprovalData;
import io.auditwarehouse.sources.SourceUnavailableException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** approvals.csv and users.csv (inputs.md §6). */
public final class FileApprovals {

    public static final String APPROVALS = "approvals.csv";
    public static final String USERS = "users.csv";

    private FileApprovals() {
    }

    public static ApprovalData load(AppConfig config) {
        Path dir = FileEvidence.inputDir(config);
        Path approvalsFile = dir.resolve(APPROVALS);
        if (!Files.isRegularFile(approvalsFile)) {
            throw new ConfigException(ConfigKey.INPUT_DIR.key(), APPROVALS + " not found in " + dir.toAbsolutePath().normalize()
                    + ": pass --input DIR or set " + ConfigKey.INPUT_DIR.key() + " to the folder holding it");
        }
        List<QuarantineRecord> rejected = new ArrayList<>();
        Parsed<Approval> approvals = readCsv(approvalsFile, r -> ApprovalsCsv.read(r, config.approvalsZone(), APPROVALS));
        rejected.addAll(approvals.rejected());
        Path usersFile = dir.resolve(USERS);
        UserDirectory users = UserDirectory.absent();
        long usersRead = 0;
        if (Files.isRegularFile(usersFile)) {
            Parsed<User> parsed = readCsv(usersFile, r -> UsersCsv.read(r, config.approvalsZone(), USERS));
            rejected.addAll(parsed.rejected());
            users = UserDirectory.of(parsed.rows());
            usersRead = parsed.rows().size();
        }
        List<String> described = List.of(APPROVALS + ": " + approvals.rows().size() + " approvals",
                usersRead > 0 ? USERS + ": " + usersRead + " users" : USERS + ": absent (user rules not evaluated)");
        return new ApprovalData(approvals.rows(), users, usersRead, rejected, described);
    }

    private static <T> Parsed<T> readCsv(Path file, CsvReader<T> reader) {
        // decoded leniently: a byte that is not UTF-8 becomes U+FFFD and quarantines its row, not the whole file
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return reader.read(r);
        } catch (IOException e) {
            throw new SourceUnavailableException(file.getFileName().toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface CsvReader<T> {
        Parsed<T> read(Reader r) throws IOException;
    }
}
