package io.auditwarehouse.cli;

import io.auditwarehouse.errors.ErrorMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * migrate and scheduler report an unreachable warehouse through the one error handler: exit 3, one line in the
 * common format, the stack trace only with --verbose. No server is needed: the port is closed.
 */
class UnreachableWarehouseTest {

    @TempDir
    Path tmp;

    private Path closedWarehouse() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        return Files.writeString(tmp.resolve("closed.yaml"), "warehouse:\n  jdbc_url: jdbc:mysql://127.0.0.1:" + closed + "/\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "scheduler"})
    void exitsThreeWithOneLineInTheCommonFormat(String command) throws Exception {
        Path config = closedWarehouse();
        Cli r = Cli.expect(3, command, "--config", config.toString(), "--out", tmp.toString());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("error (source unavailable): warehouse jdbc:mysql://127.0.0.1:"), errors.get(0));
        assertTrue(errors.get(0).contains("unreachable"), errors.get(0));
        assertTrue(r.err().contains("(run with --verbose for details)"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Cli r = Cli.expect(3, "migrate", "--config", closedWarehouse().toString(), "--verbose");
        assertTrue(r.err().startsWith("error (source unavailable): warehouse "), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void theFirstLineOfAMessageIsOneReadableLine() {
        assertEquals("first", ErrorMessages.firstLine(new IllegalStateException("  first\nsecond\n")));
        assertEquals("IllegalStateException", ErrorMessages.firstLine(new IllegalStateException()));
        assertEquals("IllegalStateException", ErrorMessages.firstLine(new IllegalStateException(" \n ")));
    }
}
