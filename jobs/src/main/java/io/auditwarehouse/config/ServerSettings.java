package io.auditwarehouse.config;

import java.io.Serializable;

/** Connection settings of the optional servers; {@link #approvalsJdbcUrl} etc. are empty when not configured. */
public record ServerSettings(
        String approvalsJdbcUrl, String approvalsUser, Secret approvalsPassword, String approvalsTable,
        int approvalsPartitions, int approvalsFetchSize, String usersTable,
        String esUrl, String esUser, Secret esPassword, Secret esApiKey, String esCaFile,
        String buildsIndex, String auditIndex,
        String warehouseJdbcUrl, String warehouseSchema, String warehouseUser, Secret warehousePassword,
        String kibanaIndexPrefix) implements Serializable {

    public boolean approvalsFromMysql() {
        return !approvalsJdbcUrl.isEmpty();
    }

    public boolean evidenceFromElasticsearch() {
        return !esUrl.isEmpty();
    }

    public boolean warehouseInMysql() {
        return !warehouseJdbcUrl.isEmpty();
    }
}
