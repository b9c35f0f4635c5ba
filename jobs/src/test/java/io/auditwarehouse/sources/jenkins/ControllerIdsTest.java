package io.auditwarehouse.sources.jenkins;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ControllerIdsTest {

    private final ControllerIds configured = new ControllerIds(
            Map.of("https://jenkins.corp.example/batch/", "batch-main"),
            Map.of("legacy-audit.ndjson", "batch-b"));

    @Test
    void configuredSourceHostToleratesTrailingSlash() {
        assertEquals("batch-main", configured.forSourceHost("https://jenkins.corp.example/batch/"));
        assertEquals("batch-main", configured.forSourceHost("https://jenkins.corp.example/batch"));
    }

    @Test
    void otherwiseFirstHostLabel() {
        assertEquals("batch-a", configured.forSourceHost("https://batch-a.jenkins.example/"));
        assertEquals("batch-a", ControllerIds.derived().forSourceHost("http://Batch-A.jenkins.example:8080/jenkins/"));
        assertEquals("ci", ControllerIds.derived().forSourceHost("ci.internal"));
        assertEquals("10.1.2.3", ControllerIds.derived().forSourceHost("http://10.1.2.3:8080/"));
    }

    @Test
    void noSourceHostIsUnknown() {
        assertNull(configured.forSourceHost(null));
        assertNull(configured.forSourceHost(" "));
        assertNull(configured.forSourceHost("file:///tmp/x"));
    }

    @Test
    void auditFileNames() {
        assertEquals("batch-a", configured.forAuditFile("batch-a.ndjson"));
        assertEquals("batch-a", configured.forAuditFile("data/audit/batch-a.ndjson"));
        assertEquals("batch-b", configured.forAuditFile("/data/audit/legacy-audit.ndjson"));
        assertEquals("batch-b", new ControllerIds(Map.of(), Map.of("legacy-audit", "batch-b")).forAuditFile("legacy-audit.ndjson"));
    }

    @Test
    void serializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(configured);
        }
        ControllerIds copy = (ControllerIds) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertEquals("batch-main", copy.forSourceHost("https://jenkins.corp.example/batch"));
    }
}
