package io.auditwarehouse.config;

import java.io.Serializable;

/** Connection settings of the optional servers; {@link #approvalsJdbcUrl} etc. are empty when not configured. */
public record ServerSettings(
        String approvalsJdbcUrl, String approvalsUser, Secret approvalsPassword, String approvalsTable,
        int approvalsPartitions, int approvalsFetchSize, String usersTable,
        String evidence, String esUrl, String esUser, Secret esPassword, Secret esApiKey, String esCaFile,
        String buildsIndex, String auditIndex,
        String warehouseJdbcUrl, String warehouseSchema, String warehouseUser, Secret warehousePassword,
        String kibanaIndexPrefix) implements Serializable {

    public boolean approvalsFromMysql() {
        return !approvalsJdbcUrl.isEmpty();
    }

    /** Build records and audit trail come from Elasticsearch: said so, or left to auto with a URL configured. */
    public boolean evidenceFromElasticsearch() {
        return "elasticsearch".equals(evidence) || ("auto".equals(evidence) && !esUrl.isEmpty());
    }

    public boolean warehouseInMysql() {
        return !warehouseJdbcUrl.isEmpty();
    }
}
