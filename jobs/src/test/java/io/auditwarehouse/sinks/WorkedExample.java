package io.auditwarehouse.sinks;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The spec's worked example input, shipped as a test resource. */
public final class WorkedExample {

    private WorkedExample() {
    }

    public static Path input() throws URISyntaxException {
        return Path.of(WorkedExample.class.getResource("/worked-example").toURI());
    }
}
