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
        Path dir = inputDir(config);
        List<QuarantineRecord> rejected = new ArrayList<>();
        Parsed<Approval> approvals = readCsv(dir.resolve(APPROVALS), r -> ApprovalsCsv.read(r, config.approvalsZone(), APPROVALS));
        rejected.addAll(approvals.rejected());
        UserDirectory users = UserDirectory.absent();
        long usersRead = 0;
        Parsed<User> parsed = readUsers(dir, config);
        if (parsed != null) {
            rejected.addAll(parsed.rejected());
            users = UserDirectory.of(parsed.rows());
            usersRead = parsed.rows().size();
        }
        List<String> described = List.of(APPROVALS + ": " + approvals.rows().size() + " approvals",
                usersRead > 0 ? USERS + ": " + usersRead + " users" : USERS + ": absent (user rules not evaluated)");
        return new ApprovalData(approvals.rows(), users, usersRead, rejected, described);
    }

    /** users.csv alone, for the commands that check people rather than runs (absent: no users). */
    public static UserDirectory users(AppConfig config) {
        Parsed<User> parsed = readUsers(inputDir(config), config);
        return parsed == null ? UserDirectory.absent() : UserDirectory.of(parsed.rows());
    }

    /** The input folder, once it is known to hold approvals.csv. */
    private static Path inputDir(AppConfig config) {
        Path dir = FileEvidence.inputDir(config);
        if (!Files.isRegularFile(dir.resolve(APPROVALS))) {
            throw new ConfigException(ConfigKey.INPUT_DIR.key(), APPROVALS + " not found in " + dir.toAbsolutePath().normalize()
                    + ": pass --input DIR or set " + ConfigKey.INPUT_DIR.key() + " to the folder holding it");
        }
        return dir;
    }

    /** users.csv parsed, or null when the folder has none. */
    private static Parsed<User> readUsers(Path dir, AppConfig config) {
        Path usersFile = dir.resolve(USERS);
        return Files.isRegularFile(usersFile) ? readCsv(usersFile, r -> UsersCsv.read(r, config.approvalsZone(), USERS)) : null;
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
