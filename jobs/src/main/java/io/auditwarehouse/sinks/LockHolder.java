package io.auditwarehouse.sinks;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/** Who holds a warehouse's writer lock, as the waiting process names it: host, pid, what it does, since when. */
public record LockHolder(String host, long pid, String what, Instant since) {

    /** This process, about to hold the lock for {@code what}. */
    public static LockHolder current(String what) {
        return new LockHolder(hostName(), ProcessHandle.current().pid(), what, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** e.g. {@code nightly batch nightly-20261002T...-1a2b3c (host dw1, pid 4242, since 2026-10-02T17:30:00.123Z)} */
    public String describe() {
        return what + " (host " + host + ", pid " + pid + ", since " + since + ")";
    }

    /** The lock file's content: a few {@code key=value} lines. */
    String toText() {
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("what", what);
        p.setProperty("since", since.toString());
        StringWriter w = new StringWriter();
        try {
            p.store(w, "holder of the audit-warehouse writer lock (the lock itself is an OS lock on this file)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The holder a lock file names, or null when it names none (empty, or caught half-written). */
    static LockHolder parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            String host = p.getProperty("host");
            String pid = p.getProperty("pid");
            String what = p.getProperty("what");
            String since = p.getProperty("since");
            if (host == null || pid == null || what == null || since == null) return null;
            return new LockHolder(host, Long.parseLong(pid), what, Instant.parse(since));
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            return null;
        }
    }

    /** A wait as the config writes it: 10m, 30s, 1500ms. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
