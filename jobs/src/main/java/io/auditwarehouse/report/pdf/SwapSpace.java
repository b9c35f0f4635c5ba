package io.auditwarehouse.report.pdf;

import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where filled pages wait for the exporter: a few in memory, the rest in a swap file in a private temporary folder,
 * so a month of 20,000 exceptions renders in a bounded heap. Closing removes the folder.
 */
final class SwapSpace implements AutoCloseable {

    /** Pages kept in memory; the rest are serialized to the swap file. */
    private static final int PAGES_IN_MEMORY = 40;

    private final Path dir;
    private final JRSwapFileVirtualizer virtualizer;

    private SwapSpace(Path dir) {
        this.dir = dir;
        JRSwapFile swap = new JRSwapFile(dir.toString(), 8192, 256);
        this.virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY, swap, true);
    }

    static SwapSpace create() {
        try {
            return new SwapSpace(Files.createTempDirectory("audit-pdf-swap-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the PDF's pages", e);
        }
    }

    JRSwapFileVirtualizer virtualizer() {
        return virtualizer;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        virtualizer.cleanup();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
