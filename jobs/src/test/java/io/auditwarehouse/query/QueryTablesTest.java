package io.auditwarehouse.query;

import io.auditwarehouse.sinks.WarehouseTables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryTablesTest {

    @Test
    void findsWholeTableNamesInAnyCaseAndQuoting() {
        assertEquals(List.of("recon_run", "recon_finding"), QueryTables.named(
                "select * from RECON_RUN r join \"recon_finding\" f on r.job_name = f.job_name", WarehouseTables.ALL));
        assertEquals(List.of("recon_batch"), QueryTables.named("select max(quarantined) from `recon_batch`", WarehouseTables.ALL));
    }

    @Test
    void aLongerNameOrAColumnPrefixIsNotTheTable() {
        assertEquals(List.of(), QueryTables.named("select recon_run_id, x.recon_finding_count from recon_runs x", WarehouseTables.ALL));
        assertEquals(List.of(), QueryTables.named("select 1", WarehouseTables.ALL));
    }
}
