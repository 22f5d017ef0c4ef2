/**
 * The store port: {@link io.riskgraph.store.GraphStore} and the values that cross it. Nothing here knows which
 * database sits behind it.
 */
package io.riskgraph.store;
