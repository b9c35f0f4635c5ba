package io.auditwarehouse.model;

public enum ControlStatus { COMPLIANT, EXCEPTION, PENDING }
