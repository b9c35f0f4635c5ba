package io.auditwarehouse.config;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private AppConfig load(String yaml) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f, null, null);
    }

    private String failingKey(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).key();
    }

    @Test
    void defaultsApplyWithoutAFile() {
        AppConfig c = ConfigLoader.load(null, null, dir.resolve("out"));
        assertEquals(ZoneId.of("Asia/Seoul"), c.businessZone());
        assertEquals(ZoneId.of("UTC"), c.approvalsZone());
        assertEquals(Duration.ofDays(3), c.rules().failureReportSla());
        assertEquals(Duration.ofDays(7), c.lookback());
        assertEquals("APPROVAL_NO", c.approvalParam());
        assertEquals(dir.resolve("out"), c.outputDir());
    }

    @Test
    void readsEveryKindOfValue() throws IOException {
        AppConfig c = load("""
                business: {zone: UTC}
                sources:
                  approvals: {zone: Asia/Seoul}
                  controllers:
                    - {id: batch-a, source_host: "https://a.example/", audit: batch-a}
                rules:
                  incomplete_after: 12h
                  severity: {APPROVAL_UNUSED: LOW}
                """);
        assertEquals(ZoneId.of("UTC"), c.businessZone());
        assertEquals(ZoneId.of("Asia/Seoul"), c.approvalsZone());
        assertEquals(Duration.ofHours(12), c.rules().incompleteAfter());
        assertEquals(Severity.LOW, c.rules().severityOf(ReasonCode.APPROVAL_UNUSED));
        assertEquals("batch-a", c.controllers().get(0).id());
    }

    @Test
    void unknownKeysBadTypesAndBadValuesNameTheKey() {
        assertEquals("rules.failure_report_slaa", failingKey("rules: {failure_report_slaa: 3d}"));
        assertEquals("colour", failingKey("colour: red"));
        assertEquals("rules.lookback", failingKey("rules: {lookback: soon}"));
        assertEquals("business.zone", failingKey("business: {zone: Mars/Olympus}"));
        assertEquals("rules.incomplete_after", failingKey("rules: {incomplete_after: [1, 2]}"));
        assertEquals("sources.builds.approval_param", failingKey("sources: {builds: {approval_param: \"A; DROP\"}}"));
        assertEquals("rules.severity.NOT_A_CODE", failingKey("rules: {severity: {NOT_A_CODE: HIGH}}"));
        assertEquals("sources.controllers[0].id", failingKey("sources: {controllers: [{id: \"a;b\"}]}"));
        assertEquals("sources.approvals.table", failingKey("sources: {approvals: {table: \"approval_record; DROP TABLE x\"}}"));
        assertEquals("warehouse.schema", failingKey("warehouse: {schema: \"audit_dw;\"}"));
        assertEquals("sources.approvals.partitions", failingKey("sources: {approvals: {partitions: four}}"));
        assertEquals("report.locale", failingKey("report: {locale: fr}"));
        assertEquals("report.sample.seed", failingKey("report: {sample: {seed: lucky}}"));
        assertEquals("report.sample.sizes.hourly", failingKey("report: {sample: {sizes: {hourly: 60}}}"));
        assertEquals("report.sample.sizes.daily", failingKey("report: {sample: {sizes: {daily: many}}}"));
        assertEquals("report.sample.sizes.daily", failingKey("report: {sample: {sizes: {daily: 0}}}"));
        assertEquals("report.sample.frequency.C9", failingKey("report: {sample: {frequency: {C9: daily}}}"));
        assertEquals("report.sample.frequency.C4", failingKey("report: {sample: {frequency: {C4: often}}}"));
    }

    @Test
    void sampleSizesFollowEachControlsFrequency() throws IOException {
        ReportSettings r = load("report: {locale: en, sample: {seed: 99, sizes: {weekly: 7}, frequency: {C4: weekly}}}").report();
        assertEquals("en", r.locale());
        assertEquals(99L, r.seed().getAsLong());
        assertEquals(25, r.sampleSize("C1"));
        assertEquals(7, r.sampleSize("C4"));
        assertEquals(25, ConfigLoader.load(null, null, dir).report().sampleSize("C4"));
    }

    @Test
    void mailSettingsAreValidatedAndRequiredOnlyForSending() throws IOException {
        MailSettings d = ConfigLoader.load(null, null, dir).mail();
        assertEquals(587, d.port());
        assertEquals(MailSettings.STARTTLS, d.security());
        assertEquals(MailSettings.BY_APPROVER, d.groupBy());
        assertEquals("mail.smtp.host", assertThrows(ConfigException.class, d::requireForSending).key());
        assertEquals("mail.from", assertThrows(ConfigException.class, () -> load("mail: {smtp: {host: smtp.example}}").mail().requireForSending()).key());
        assertEquals("mail.to", assertThrows(ConfigException.class,
                () -> load("mail: {smtp: {host: smtp.example}, from: a@example.com}").mail().requireForSending()).key());

        MailSettings m = load("""
                mail:
                  smtp: {host: smtp.example, port: 465, security: tls}
                  from: "감사 창고 <audit@example.com>"
                  to: [head@example.com, "운영팀 <ops@example.com>"]
                digest: {group_by: department}
                """).mail();
        m.requireForSending();
        assertEquals(465, m.port());
        assertEquals(List.of("head@example.com", "운영팀 <ops@example.com>"), m.to());
        assertEquals(MailSettings.BY_DEPARTMENT, m.groupBy());
        assertEquals(List.of("a@example.com", "b@example.com"), load("mail: {to: \"a@example.com, b@example.com\"}").mail().to());

        assertEquals("mail.smtp.port", failingKey("mail: {smtp: {port: 99999}}"));
        assertEquals("mail.smtp.port", failingKey("mail: {smtp: {port: twenty-five}}"));
        assertEquals("mail.smtp.security", failingKey("mail: {smtp: {security: ssl}}"));
        assertEquals("mail.smtp.host", failingKey("mail: {smtp: {host: \"smtp://smtp.example:25\"}}"));
        assertEquals("mail.from", failingKey("mail: {from: \"audit at example\"}"));
        assertEquals("mail.to[1]", failingKey("mail: {to: [a@example.com, \"b@\"]}"));
        assertEquals("digest.group_by", failingKey("digest: {group_by: team}"));
        assertEquals("mail.smtp.password", failingKey("mail: {smtp: {password: hunter2}}"), "no password in the file");
    }

    @Test
    void theSmtpPasswordComesFromTheEnvironmentOrAFileNeverTheConfig() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "mail: {smtp: {host: smtp.example, user: digest, password_env: SMTP_PASSWORD}}\n");
        MailSettings m = ConfigLoader.build(ConfigLoader.read(f), null, null, Map.of("SMTP_PASSWORD", "s3cret-env")).mail();
        assertTrue(m.authenticates());
        assertEquals("s3cret-env", m.password().reveal());
        assertEquals("(secret)", m.password().toString());
        assertFalse(m.toString().contains("s3cret"), m.toString());
        assertEquals("mail.smtp.password_env", assertThrows(ConfigException.class,
                () -> ConfigLoader.build(ConfigLoader.read(f), null, null, Map.of())).key());

        Path secret = dir.resolve("smtp-password");
        Files.writeString(secret, "s3cret-file\n");
        assertEquals("s3cret-file", load("mail: {smtp: {user: digest, password_file: " + secret + "}}").mail().password().reveal());
        assertEquals("mail.smtp.password_env", failingKey("mail: {smtp: {user: digest}}"));
        assertEquals("mail.smtp.user", failingKey("mail: {smtp: {password_file: " + secret + "}}"));
    }

    @Test
    void theWarehouseLockWaitIsADurationOfTenMinutesByDefault() throws IOException {
        assertEquals(Duration.ofMinutes(10), ConfigLoader.load(null, null, dir.resolve("out")).warehouseLockWait());
        assertEquals(Duration.ofSeconds(30), load("warehouse: {lock_wait: 30s}").warehouseLockWait());
        assertEquals(Duration.ZERO, load("warehouse: {lock_wait: 0s}").warehouseLockWait());
        assertEquals("warehouse.lock_wait", failingKey("warehouse: {lock_wait: a while}"));
        assertEquals("warehouse.lock_wait", failingKey("warehouse: {lock_wait: -PT1M}"));
        assertEquals("warehouse.lock_wait", failingKey("warehouse: {lock_wait: [1m]}"));
    }

    @Test
    void theWarehouseRetentionIsFourHundredDaysByDefaultAndAtLeastADay() throws IOException {
        assertEquals(Duration.ofDays(400), ConfigLoader.load(null, null, dir.resolve("out")).warehouseRetention());
        assertEquals(Duration.ofDays(30), load("warehouse: {retention: 30d}").warehouseRetention());
        assertEquals("warehouse.retention", failingKey("warehouse: {retention: 1h}"));
        assertEquals("warehouse.retention", failingKey("warehouse: {retention: forever}"));
    }

    @Test
    void aCaFileMakesTheMySqlConnectionsRequireVerifiedTls() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        ServerSettings s = load("sources: {approvals: {jdbc_url: \"jdbc:mysql://db:3306/approval\", ca_file: " + ca + "}}\n"
                + "warehouse: {jdbc_url: \"jdbc:mysql://dw:3306/?connectTimeout=5000\", ca_file: " + ca + "}\n"
                + "elasticsearch: {url: \"https://es:9200\", ca_file: " + ca + "}").servers();
        assertEquals("jdbc:mysql://db:3306/approval?sslMode=verify-full&serverSslCert=" + ca, s.approvalsJdbcUrl());
        assertEquals("jdbc:mysql://dw:3306/?connectTimeout=5000&sslMode=verify-full&serverSslCert=" + ca, s.warehouseJdbcUrl());
        assertEquals(ca.toString(), s.esCaFile());
        assertEquals("jdbc:mysql://db:3306/approval", load("sources: {approvals: {jdbc_url: \"jdbc:mysql://db:3306/approval\"}}")
                .servers().approvalsJdbcUrl(), "no CA: the URL as given");

        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertEquals("sources.approvals.ca_file", failingKey("sources: {approvals: {jdbc_url: \"jdbc:mysql://db/a\", ca_file: " + notPem + "}}"));
        assertEquals("elasticsearch.ca_file", failingKey("elasticsearch: {url: \"https://es:9200\", ca_file: " + dir.resolve("missing.pem") + "}"));
        assertEquals("warehouse.ca_file", failingKey("warehouse: {ca_file: " + ca + "}"));
        assertEquals("sources.approvals.ca_file", failingKey("sources: {approvals: {jdbc_url: \"jdbc:mysql://db/a?sslMode=trust\", ca_file: " + ca + "}}"));
    }

    @Test
    void readmeDocumentsEveryKeyWithItsDefault() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        for (ConfigKey k : ConfigKey.values()) {
            assertTrue(text.contains("| `" + k.key() + "` | `" + k.defaultValue() + "` |"), "README misses " + k.key());
        }
    }

    @Test
    void theTestCheckpointIsReadFromTheEnvironmentOnceAndAbsentByDefault() {
        assertEquals(null, ConfigLoader.build(Map.of(), null, null, Map.of()).checkpoint(), "production: no hook");
        assertEquals(new Checkpoints.Hook(Checkpoints.MID_INDEX_PUBLISH, Checkpoints.Action.PAUSE),
                ConfigLoader.build(Map.of(), null, null, Map.of(Checkpoints.ENV, "mid-index-publish:pause")).checkpoint());
        ConfigException typo = assertThrows(ConfigException.class,
                () -> ConfigLoader.build(Map.of(), null, null, Map.of(Checkpoints.ENV, "mid-index-publsh:halt")));
        assertEquals(Checkpoints.ENV, typo.key());
        assertTrue(typo.getMessage().contains("mid-index-publsh:halt"), typo.getMessage());
        assertEquals(Checkpoints.ENV, assertThrows(ConfigException.class,
                () -> ConfigLoader.build(Map.of(), null, null, Map.of(Checkpoints.ENV, "reading-sources:explode"))).key());
    }
}
