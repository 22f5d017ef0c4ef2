/** Helpers shared by the algorithms; not an API. */
package io.riskgraph.algorithms.internal;
