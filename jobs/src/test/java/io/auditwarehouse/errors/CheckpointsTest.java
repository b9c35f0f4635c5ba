package io.auditwarehouse.errors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test hook: parsed strictly, a no-op unless armed, and only at the armed point. (halt: OwedKibanaIndexesTest.) */
class CheckpointsTest {

    @AfterEach
    void disarm() {
        Checkpoints.install(null);
    }

    @Test
    void parsesEveryNamedCheckpointWithEachActionAndRefusesTheRest() {
        for (String name : Checkpoints.NAMES) {
            for (Checkpoints.Action a : Checkpoints.Action.values()) {
                Checkpoints.Hook hook = Checkpoints.Hook.parse(name + ":" + a.name().toLowerCase());
                assertEquals(new Checkpoints.Hook(name, a), hook);
                assertEquals(hook, Checkpoints.Hook.parse(hook.toString()));
            }
        }
        for (String bad : new String[]{"halt", "no-such-point:halt", "reading-sources", "reading-sources:", "reading-sources:kill"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.Hook.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") || e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void nothingHappensUnlessThePointReachedIsTheArmedOne() {
        for (String name : Checkpoints.NAMES) assertDoesNotThrow(() -> Checkpoints.reach(name), "not armed");
        Checkpoints.install(new Checkpoints.Hook(Checkpoints.MID_INDEX_PUBLISH, Checkpoints.Action.FAIL));
        assertDoesNotThrow(() -> Checkpoints.reach(Checkpoints.AFTER_WAREHOUSE_PUBLISH));
        Checkpoints.InjectedFault fault = assertThrows(Checkpoints.InjectedFault.class, () -> Checkpoints.reach(Checkpoints.MID_INDEX_PUBLISH));
        assertEquals("injected fault at checkpoint mid-index-publish (AW_TEST_CHECKPOINT)", fault.getMessage());
        Checkpoints.install(null);
        assertDoesNotThrow(() -> Checkpoints.reach(Checkpoints.MID_INDEX_PUBLISH), "disarmed");
    }

    @Test
    void pausePrintsItsMarkerAndGoesOnWhenALineArrivesOnStdin() {
        InputStream in = System.in;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("go\n".getBytes(StandardCharsets.UTF_8)));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Checkpoints.install(new Checkpoints.Hook(Checkpoints.RENDERING_PACKAGE, Checkpoints.Action.PAUSE));
            Checkpoints.reach(Checkpoints.RENDERING_PACKAGE);
        } finally {
            System.setIn(in);
            System.setErr(err);
        }
        assertEquals("checkpoint rendering-package reached: paused" + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }
}
