package io.auditwarehouse.sources.jenkins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One NDJSON line: a plugin document, raw or wrapped as an Elasticsearch hit {@code {"_id": ..., "_source": {...}}}.
 */
record EsHit(String docId, JsonNode source) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** @throws Rejected with a short reason when the line is not a JSON object */
    static EsHit parse(String line, String fallbackDocId) throws Rejected {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new Rejected("bad JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new Rejected("bad JSON: not an object");
        JsonNode source = root.get("_source");
        if (source == null || !source.isObject()) return new EsHit(fallbackDocId, root);
        JsonNode id = root.get("_id");
        return new EsHit(id != null && id.isValueNode() && !id.isNull() ? id.asText() : fallbackDocId, source);
    }

    /** Text of a value node, or null when absent, null or a container. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? null : node.asText();
    }
}
