package io.auditwarehouse.sources.elasticsearch;

import io.auditwarehouse.elasticsearch.EsConnection;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.config.ControllerMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsConnectionTest {

    @TempDir
    Path tmp;

    private Map<String, String> settings(String yaml) throws Exception {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, yaml);
        AppConfig c = ConfigLoader.load(f, tmp, tmp);
        return new EsConnection(c.servers()).hadoopSettings();
    }

    @Test
    void basicAuthFromAPasswordFile() throws Exception {
        Files.writeString(tmp.resolve("pw"), "s3cret-marker\n");
        Map<String, String> cfg = settings("elasticsearch: {url: \"http://127.0.0.1:9201\", user: reader, password_file: " + tmp.resolve("pw") + "}\n");
        assertEquals("127.0.0.1", cfg.get("es.nodes"));
        assertEquals("9201", cfg.get("es.port"));
        assertEquals("true", cfg.get("es.nodes.wan.only"));
        assertEquals("reader", cfg.get("es.net.http.auth.user"));
        assertEquals("s3cret-marker", cfg.get("es.net.http.auth.pass"));
        assertEquals("false", cfg.get("es.net.ssl"));
    }

    @Test
    void apiKeyWinsOverBasicAuth() throws Exception {
        Files.writeString(tmp.resolve("key"), "aWQ6a2V5");
        Map<String, String> cfg = settings("elasticsearch: {url: \"https://es.example:9243\", user: x, api_key_file: " + tmp.resolve("key") + "}\n");
        assertEquals("ApiKey aWQ6a2V5", cfg.get("es.net.http.header.Authorization"));
        assertFalse(cfg.containsKey("es.net.http.auth.user"));
        assertEquals("true", cfg.get("es.net.ssl"));
    }

    @Test
    void aMissingSecretVariableNamesTheKey() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.auditwarehouse.config.ConfigException.class,
                () -> settings("elasticsearch: {url: \"http://127.0.0.1:9200\", user: x, password_env: AW_NO_SUCH_VARIABLE_SET}\n"));
        assertEquals("elasticsearch.password_env", e.key());
        assertTrue(e.getMessage().contains("AW_NO_SUCH_VARIABLE_SET"));
    }

    @Test
    void auditIndexNamesGiveControllerIds() {
        assertEquals("batch-a", AuditIndexes.controllerOf("jenkins-audit-batch-a", "jenkins-audit-*", List.of()));
        assertEquals("batch-a", AuditIndexes.controllerOf("jenkins-audit-batch-a-2026.10", "jenkins-audit-*", List.of()));
        assertEquals("batch-b", AuditIndexes.controllerOf("jenkins-audit-batch-b.2026.10.01", "jenkins-audit-*", List.of()));
        assertEquals("core", AuditIndexes.controllerOf("audit-legacy-7", "jenkins-audit-*",
                List.of(new ControllerMapping("core", null, "audit-legacy-*"))));
    }
}
