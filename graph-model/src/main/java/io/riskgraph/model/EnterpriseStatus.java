package io.riskgraph.model;

public enum EnterpriseStatus { ACTIVE, ABNORMAL, REVOKED, CANCELLED }
