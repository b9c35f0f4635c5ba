package io.auditwarehouse.config;

import java.io.Serializable;

/** One `sources.controllers` entry: a controller id with its Logstash source_host and audit file/index. */
public record ControllerMapping(String id, String sourceHost, String audit) implements Serializable {
}
