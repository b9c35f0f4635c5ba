package io.auditwarehouse.sinks;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void theUrlNamesTheSchemaUnderTheMysqlSchemeWithTheDriverOptionsAdded() throws IOException {
        WarehouseDatabase db = open("jdbc:mariadb://dw:3306/other?useSsl=true", "audit_dw");
        assertEquals("jdbc:mysql://dw:3306/audit_dw?useSsl=true&permitMysqlScheme&connectionTimeZone=UTC&preserveInstants=true", db.url());
        assertEquals("jdbc:mysql://dw:3306/?useSsl=true&permitMysqlScheme&connectionTimeZone=UTC&preserveInstants=true", db.serverUrl());
    }

    @Test
    void optionsAlreadyGivenAreKept() throws IOException {
        WarehouseDatabase db = open("jdbc:mysql://dw:3306/?permitMysqlScheme&connectionTimeZone=Asia/Seoul", "audit_dw");
        assertEquals("jdbc:mysql://dw:3306/audit_dw?permitMysqlScheme&connectionTimeZone=Asia/Seoul&preserveInstants=true", db.url());
    }

    @Test
    void thePasswordOnlyGoesToTheDriverNeverIntoTheUrl() throws IOException {
        Path password = Files.writeString(tmp.resolve("pw"), "s3cret\n");
        Path config = Files.writeString(tmp.resolve("c.yaml"), "warehouse:\n  jdbc_url: jdbc:mysql://dw:3306/\n"
                + "  user: writer\n  password_file: " + password + "\n");
        WarehouseDatabase db = WarehouseDatabase.of(ConfigLoader.load(config, null, null).servers());
        assertFalse(db.url().contains("s3cret") || db.url().contains("writer"), db.url());
        assertEquals("s3cret", db.properties().getProperty("password"));
        assertEquals("writer", db.properties().getProperty("user"));
        assertEquals(WarehouseDatabase.DRIVER, db.properties().getProperty("driver"));
    }

    @Test
    void noWarehouseUrlOrASchemaWithADotIsAConfigurationErrorNamingTheKey() throws IOException {
        Path none = Files.writeString(tmp.resolve("none.yaml"), "");
        ConfigException missing = assertThrows(ConfigException.class,
                () -> WarehouseDatabase.of(ConfigLoader.load(none, null, null).servers()));
        assertEquals("warehouse.jdbc_url", missing.key());
        ConfigException dotted = assertThrows(ConfigException.class, () -> open("jdbc:mysql://dw:3306/", "audit.dw"));
        assertEquals("warehouse.schema", dotted.key());
        assertTrue(dotted.getMessage().contains("audit.dw"));
    }

    private WarehouseDatabase open(String url, String schema) throws IOException {
        Path config = Files.writeString(tmp.resolve("w.yaml"), "warehouse:\n  jdbc_url: \"" + url + "\"\n  schema: " + schema + "\n");
        return WarehouseDatabase.of(ConfigLoader.load(config, null, null).servers());
    }
}
