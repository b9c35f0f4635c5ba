package io.auditwarehouse.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Failure alerts a target did not take, kept as files under {@code <output.dir>/notify/owed/<target>/} until a later
 * message to that target delivers them. Findings and packages need no such folder: the ledger knows what a target was
 * told, and the warehouse what there is to tell. A failed batch is news only once, and the warehouse may be what failed.
 */
final class OwedAlerts {

    /** One kept alert: its text without the title, and when it could not be delivered. */
    record Owed(Path file, Instant failedAt, String body) {
    }

    private final Path root;

    OwedAlerts(Path outputDir) {
        this.root = outputDir.resolve("notify").resolve("owed");
    }

    /** Keeps an alert for {@code target}; written aside and moved into place, so a reader never sees half of one. */
    void keep(String target, Instant failedAt, String body) {
        try {
            Path dir = Files.createDirectories(root.resolve(target));
            // the name sorts by time: alerts are delivered in the order they failed
            String name = String.format("%020d-%s.txt", failedAt.toEpochMilli(), UUID.randomUUID());
            Path aside = dir.resolve("." + name);
            Files.writeString(aside, body, StandardCharsets.UTF_8);
            try {
                Files.move(aside, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, dir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the alert for " + target + " in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The alerts kept for {@code target}, oldest first. */
    List<Owed> of(String target) {
        Path dir = root.resolve(target);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{20}-[0-9a-f-]{36}\\.txt")).sorted().map(OwedAlerts::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alert was delivered: it is no longer owed. */
    void settled(Owed owed) {
        try {
            Files.deleteIfExists(owed.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Owed read(Path file) {
        try {
            long millis = Long.parseLong(file.getFileName().toString().substring(0, 20));
            return new Owed(file, Instant.ofEpochMilli(millis), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
