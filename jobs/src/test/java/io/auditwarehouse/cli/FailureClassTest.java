package io.auditwarehouse.cli;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.runtime.FailureClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduler's chat alerts and the command line name the same exit code for a failure (ExitCodes, operations.md). */
class FailureClassTest {

    @Test
    void eachClassHasTheExitCodeOfItsFailure() {
        assertEquals(ExitCodes.USAGE, FailureClass.USAGE.exitCode());
        assertEquals(ExitCodes.SOURCE_UNAVAILABLE, FailureClass.SOURCE_UNAVAILABLE.exitCode());
        assertEquals(ExitCodes.WRITE_FAILED, FailureClass.WRITE_FAILED.exitCode());
        assertEquals(ExitCodes.SOURCE_REFUSED, FailureClass.SOURCE_REFUSED.exitCode());
        assertEquals(ExitCodes.WAREHOUSE_BUSY, FailureClass.WAREHOUSE_BUSY.exitCode());
        assertEquals(ExitCodes.FAILURE, FailureClass.OTHER.exitCode());
    }

    @Test
    void theFirstOfOurOwnExceptionsInTheCauseChainDecides() {
        ConfigException config = new ConfigException("input.dir", "missing");
        assertEquals(FailureClass.USAGE, FailureClass.of(new RuntimeException("wrapped", config)));
        assertEquals(config, FailureClass.rootOf(new RuntimeException("wrapped", config)));
        assertEquals(FailureClass.OTHER, FailureClass.of(new IllegalStateException("x")));
    }
}
