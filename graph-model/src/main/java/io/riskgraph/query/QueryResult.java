package io.riskgraph.query;

import java.time.Duration;
import java.util.List;

/** Columns, rows of plain Java values (nodes and relationships as maps), and whether rows were cut off. */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated, Duration elapsed) {}
