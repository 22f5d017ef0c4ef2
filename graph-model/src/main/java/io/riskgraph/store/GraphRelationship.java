package io.riskgraph.store;

import java.util.Map;

/** A relationship as read back; start and end are {@link GraphNode#id()}s. */
public record GraphRelationship(String id, String type, String startId, String endId, Map<String, Object> properties) {}
